// ValidationBenchmark: validates 10,000 seeded Korean utterance pairs and compares the time with a naive
// reference measured in the same run (the same normalisation, then a textbook Levenshtein matrix with
// backtrace over [String] tokens). Also aligns one long document pair to show the memory-bounded path.
// Run in release: swift run -c release ValidationBenchmark [pairs] [seed]
import Foundation
import Hangul
import SeededRandom
import Validation

/// Words and written numbers the sentences are made of.
let vocabulary = [
    "오늘", "특가", "방송", "지금", "바로", "주문", "하시면", "무료", "배송", "사은품", "드려요", "할인",
    "쿠폰", "적립금", "색상", "사이즈", "재고", "남았어요", "여러분", "정말", "가볍고", "튼튼해요",
    "39,000원", "2개", "20%", "5월", "17일", "3시", "SALE", "니트", "카디건", "레깅스", "이어폰",
]

/// A reference sentence and a recogniser-like hypothesis for it.
func makePair(_ generator: inout SplitMix64) -> (String, String) {
    let reference = (0..<Int.random(in: 5...14, using: &generator)).map { _ in
        vocabulary.randomElement(using: &generator)!
    }
    var hypothesis: [String] = []
    for word in reference {
        let roll = Double.random(in: 0..<1, using: &generator)
        if roll < 0.05 { continue }
        if roll < 0.12 { hypothesis.append(vocabulary.randomElement(using: &generator)!); continue }
        hypothesis.append(word)
        if roll > 0.96 { hypothesis.append("음") }
    }
    return (reference.joined(separator: " ") + ".", hypothesis.joined(separator: " "))
}

/// Textbook Levenshtein over strings: a full (n+1)×(m+1) matrix and a backtrace; returns S + D + I.
func naiveErrors(_ reference: [String], _ hypothesis: [String]) -> Int {
    let n = reference.count
    let m = hypothesis.count
    var matrix = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in 0...n { matrix[i][0] = i }
    for j in 0...m { matrix[0][j] = j }
    if n > 0 && m > 0 {
        for i in 1...n {
            for j in 1...m {
                let cost = reference[i - 1] == hypothesis[j - 1] ? 0 : 1
                matrix[i][j] = min(matrix[i - 1][j] + 1, matrix[i][j - 1] + 1, matrix[i - 1][j - 1] + cost)
            }
        }
    }
    var i = n
    var j = m
    var errors = 0
    while i > 0 || j > 0 {
        if i > 0, j > 0, matrix[i][j] == matrix[i - 1][j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1) {
            errors += reference[i - 1] == hypothesis[j - 1] ? 0 : 1
            i -= 1
            j -= 1
        } else if i > 0, matrix[i][j] == matrix[i - 1][j] + 1 {
            errors += 1
            i -= 1
        } else {
            errors += 1
            j -= 1
        }
    }
    return errors
}

/// Seconds taken by `body`, and its result.
func measure<T>(_ body: () -> T) -> (seconds: Double, result: T) {
    let start = ContinuousClock.now
    let result = body()
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, result)
}

let arguments = CommandLine.arguments
let pairCount = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let seed = arguments.count > 2 ? UInt64(arguments[2]) ?? 42 : 42
var generator = SplitMix64(state: seed)
let pairs = (0..<pairCount).map { _ in makePair(&generator) }
let reference = ItemizedTranscript(
    source: "generated", items: pairs.enumerated().map { TranscriptItem(id: "\($0.offset)", text: $0.element.0) })
let hypothesis = ItemizedTranscript(
    source: "generated", items: pairs.enumerated().map { TranscriptItem(id: "\($0.offset)", text: $0.element.1) })

let ours = measure { TranscriptValidator.validate(reference: reference, hypothesis: hypothesis) }
let normalizer = TextNormalizer()
let naive = measure { () -> (characters: Int, words: Int) in
    var characters = 0
    var words = 0
    for (ref, hyp) in pairs {
        let r = normalizer.normalize(ref)
        let h = normalizer.normalize(hyp)
        characters += naiveErrors(
            r.filter { !$0.isWhitespace }.map(String.init), h.filter { !$0.isWhitespace }.map(String.init))
        words += naiveErrors(r.split(separator: " ").map(String.init), h.split(separator: " ").map(String.init))
    }
    return (characters, words)
}
guard naive.result.characters == ours.result.corpus.characters.errors,
    naive.result.words == ours.result.corpus.words.errors
else {
    print(
        "MISMATCH: naive errors \(naive.result), "
            + "ours \(ours.result.corpus.characters.errors), \(ours.result.corpus.words.errors)"
    )
    exit(1)
}

// Scoring alone, on texts normalised beforehand: the validator with normalisation off against the textbook.
let normalized = pairs.map { (normalizer.normalize($0.0), normalizer.normalize($0.1)) }
let scoringOnly = measure { () -> Int in
    let validator = TranscriptValidator(options: ValidationOptions(normalization: .verbatim, includeAlignments: false))
    return normalized.reduce(0) { total, pair in
        let report = validator.score(reference: pair.0, hypothesis: pair.1)
        return total + report.characters.errors + report.words.errors
    }
}
let textbookOnly = measure { () -> Int in
    normalized.reduce(0) { total, pair in
        total
            + naiveErrors(
                pair.0.filter { !$0.isWhitespace }.map(String.init), pair.1.filter { !$0.isWhitespace }.map(String.init)
            )
            + naiveErrors(pair.0.split(separator: " ").map(String.init), pair.1.split(separator: " ").map(String.init))
    }
}

print(
    "ValidationBenchmark: \(pairCount) pairs (seed \(seed)), \(ours.result.corpus.characters.referenceLength) "
        + "reference characters, "
        + "\(ours.result.corpus.words.referenceLength) words")
print(
    String(
        format:
            "validate (normalise, CER+WER, alignments, report): %.3f s = %.0f pairs/s  (corpus CER %.2f%%, WER %.2f%%)",
        ours.seconds, Double(pairCount) / ours.seconds, ours.result.corpus.cer * 100, ours.result.corpus.wer * 100))
print(
    String(
        format: "naive reference (same normalisation, textbook Levenshtein over [String]): %.3f s = %.0f pairs/s",
        naive.seconds, Double(pairCount) / naive.seconds))
print(String(format: "ratio naive / ours, whole validation: %.2fx (same error totals)", naive.seconds / ours.seconds))
print(
    String(
        format: "scoring only (pre-normalised, CER+WER counts): ours %.3f s, textbook %.3f s, ratio %.2fx",
        scoringOnly.seconds, textbookOnly.seconds, textbookOnly.seconds / scoringOnly.seconds))

// One long document: the first 4,000 references against their hypotheses, joined, as a whole-broadcast check.
let longReference = pairs.prefix(4_000).map(\.0).joined(separator: " ")
let longHypothesis = pairs.prefix(4_000).map(\.1).joined(separator: " ")
let long = measure {
    TranscriptValidator.validate(
        reference: ItemizedTranscript(
            source: "long", layout: .document, items: [TranscriptItem(id: "long", text: longReference)]),
        hypothesis: ItemizedTranscript(
            source: "long", layout: .document, items: [TranscriptItem(id: "long", text: longHypothesis)]))
}
print(
    String(
        format: "long document: %d × %d characters, %d × %d words validated in %.3f s (CER %.2f%%; Hirschberg "
            + "splits keep two rows instead of a full bit matrix)",
        long.result.corpus.characters.referenceLength, long.result.corpus.characters.hypothesisLength,
        long.result.corpus.words.referenceLength, long.result.corpus.words.hypothesisLength,
        long.seconds, long.result.corpus.cer * 100))
