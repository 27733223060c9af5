import Acoustic
import Foundation

/// Finds keywords directly in the acoustic posteriors, so a keyword the best path misspelt (or
/// split oddly) is still found.
///
/// For each keyword spelling (syllable tokens; spaces optional) a Viterbi pass over the frames finds,
/// for every end frame, the best alignment of the keyword to some span ending there — free to start
/// anywhere. Frame scores are relative to the frame's likeliest unit (0 when the keyword's unit is the
/// likeliest and sure), so a span the model "heard" as the keyword scores 0 and each doubtful frame costs
/// the log-ratio to the best unit — or to probability ½ when even the best unit is less sure than that,
/// so flat frames (noise, music, an untrained model) spot nothing. Score per token ≥ `threshold` is a
/// detection; overlapping detections of one keyword keep the best. Confidence = exp(score per token).
/// With jamo units a keyword spelt from a vowel (its first syllable's onset is the silent ㅇ, which the
/// units leave out) never starts inside the syllable of the latest unit heard
/// (`TokenVocabulary.continuesSyllable`: 아이 in 나이). A keyword spelt in fewer than `minimumUnitsAlone`
/// jamo units (아이, 우유: two vowels) says too little to be told from the sound alone, since such vowel
/// runs occur inside countless words; the spotter still confirms the transcript's mentions of it
/// (`confirmsOnly`).
public struct KeywordSpotter: Sendable {
    private struct Pattern {
        let keyword: Keyword
        let tokens: [Int]
    }

    private let patterns: [Pattern]
    private let vocabulary: TokenVocabulary
    /// log ½: frame scores are taken relative to the best unit or to this, whichever is higher.
    static let confidentLogProbability = Float(log(0.5))
    /// The threshold for a model that records no calibrated one (set by hand for syllable units).
    public static let defaultThreshold: Float = -1.2
    /// Minimum mean score per token (log scale, ≤ 0).
    public let threshold: Float
    private let clock: FrameClock
    /// The fewest jamo units of a keyword whose detection may stand as a mention by itself.
    public static let minimumUnitsAlone = 3
    /// Keywords whose every spelling is shorter than `minimumUnitsAlone` jamo units: a detection of one
    /// confirms a mention the transcript has but is not a mention alone. Empty for syllable units.
    public let confirmsOnly: Set<String>

    public init(
        keywords: KeywordList, vocabulary: TokenVocabulary, threshold: Float = defaultThreshold,
        clock: FrameClock = FrameClock()
    ) {
        patterns = keywords.keywords.flatMap { keyword in
            keyword.spellings.map {
                Pattern(keyword: keyword, tokens: vocabulary.encode($0).filter { $0 != TokenVocabulary.wordBoundary })
            }
        }.filter { !$0.tokens.isEmpty && !$0.tokens.contains(TokenVocabulary.unknown) }
        self.vocabulary = vocabulary
        let lengths = Dictionary(grouping: patterns, by: \.keyword.text).mapValues { $0.map(\.tokens.count).max() ?? 0 }
        confirmsOnly = vocabulary.spellsJamo ? Set(lengths.filter { $0.value < Self.minimumUnitsAlone }.keys) : []
        self.threshold = threshold
        self.clock = clock
    }

    /// Detections in one utterance whose posteriors start `start` seconds into the broadcast.
    public func spot(_ posteriors: SparsePosteriors, start: Double) -> [Mention] {
        guard posteriors.frames > 0, !patterns.isEmpty else { return [] }
        let (frames, keep) = (posteriors.frames, posteriors.keep)
        // All patterns' states in one flat array: pattern p owns [offset[p], offset[p] + 2·tokens − 1);
        // token states at even local indices, the gaps between tokens at odd ones.
        var offsets: [Int] = [], total = 0
        for pattern in patterns { offsets.append(total); total += 2 * pattern.tokens.count - 1 }
        var score = [Float](repeating: -.infinity, count: total), next = score
        var origin = [Int](repeating: 0, count: total), nextOrigin = origin
        var unitOfState = [Int](repeating: -1, count: total), repeats = [Bool](repeating: false, count: total)
        for (p, pattern) in patterns.enumerated() {
            for (j, token) in pattern.tokens.enumerated() {
                unitOfState[offsets[p] + 2 * j] = token
                repeats[offsets[p] + 2 * j] = j > 0 && pattern.tokens[j - 1] == token
            }
        }
        // Relative scores of the kept units, scattered into a dense row; `stamp` marks this frame's.
        var relative = [Float](repeating: 0, count: posteriors.vocabularySize)
        var stamp = [Int](repeating: -1, count: posteriors.vocabularySize)
        var best: [(score: Float, first: Int, last: Int)?] = Array(repeating: nil, count: patterns.count)
        var detections: [Mention] = []

        // One indentation level for the eight nested buffer closures below, on purpose:
        // swift-format-ignore
        score.withUnsafeMutableBufferPointer { scoreBuffer in
        next.withUnsafeMutableBufferPointer { nextBuffer in
        origin.withUnsafeMutableBufferPointer { originBuffer in
        nextOrigin.withUnsafeMutableBufferPointer { nextOriginBuffer in
        relative.withUnsafeMutableBufferPointer { relative in
        stamp.withUnsafeMutableBufferPointer { stamp in
        unitOfState.withUnsafeBufferPointer { unitOfState in
        repeats.withUnsafeBufferPointer { repeats in
            var (score, next, origin, nextOrigin) = (scoreBuffer, nextBuffer, originBuffer, nextOriginBuffer)
            var lastHeard = TokenVocabulary.blank  // the likeliest unit of the latest frame not likeliest blank
            for t in 0..<frames {
                // Scores are relative to the frame's best unit, but never to less than probability ½:
                // in a flat frame (an unsure model, noise, music) nothing sounds like a keyword.
                let top = max(posteriors.values[t * keep], Self.confidentLogProbability)
                let floor = posteriors.floors[t] - top
                for k in 0..<keep {
                    let unit = Int(posteriors.units[t * keep + k])
                    relative[unit] = posteriors.values[t * keep + k] - top
                    stamp[unit] = t
                }
                let gap = max(stamp[TokenVocabulary.blank] == t ? relative[TokenVocabulary.blank] : floor,
                              stamp[TokenVocabulary.wordBoundary] == t ? relative[TokenVocabulary.wordBoundary] : floor)
                for p in 0..<patterns.count {
                    let first = offsets[p], last = first + 2 * patterns[p].tokens.count - 2
                    for s in first...last {
                        var value = score[s], from = origin[s]
                        if s == first {
                            if value < 0 && !vocabulary.continuesSyllable(patterns[p].tokens[0], after: lastHeard) {
                                value = 0; from = t                                 // a fresh start here
                            }
                        } else {
                            if score[s - 1] > value { value = score[s - 1]; from = origin[s - 1] }
                            if (s - first) % 2 == 0 && !repeats[s] && score[s - 2] > value {
                                value = score[s - 2]; from = origin[s - 2]
                            }
                        }
                        let unit = unitOfState[s]
                        next[s] = value + (unit < 0 ? gap : (stamp[unit] == t ? relative[unit] : floor))
                        nextOrigin[s] = from
                    }
                    let endScore = next[last] / Float(patterns[p].tokens.count)
                    guard endScore >= threshold else { continue }
                    let begin = nextOrigin[last]
                    if let current = best[p], begin <= current.last {
                        if endScore > current.score { best[p] = (endScore, begin, t) }   // the same occurrence, better
                    } else {
                        if let current = best[p] {
                            detections.append(mention(patterns[p].keyword, current, start: start))
                        }
                        best[p] = (endScore, begin, t)
                    }
                }
                swap(&score, &next)
                swap(&origin, &nextOrigin)
                let heard = Int(posteriors.units[t * keep])
                if heard != TokenVocabulary.blank { lastHeard = heard }
            }
        }}}}}}}}
        for (p, detection) in best.enumerated() {
            if let detection { detections.append(mention(patterns[p].keyword, detection, start: start)) }
        }
        return Self.suppressOverlaps(detections)
    }

    private func mention(
        _ keyword: Keyword, _ detection: (score: Float, first: Int, last: Int), start: Double
    ) -> Mention {
        Mention(
            keyword: keyword.text, topic: keyword.topic, time: start + clock.start(of: detection.first),
            end: start + clock.end(of: detection.last), confidence: Double(exp(detection.score)), source: .acoustic,
            ment: "")
    }

    /// One detection per keyword occurrence: spellings of one keyword that overlap keep the best.
    static func suppressOverlaps(_ detections: [Mention]) -> [Mention] {
        var kept: [Mention] = []
        for detection in detections.sorted(by: { $0.confidence > $1.confidence })
        where !kept.contains(where: {
            $0.keyword == detection.keyword && $0.time < detection.end && detection.time < $0.end
        }) {
            kept.append(detection)
        }
        return kept.sorted { $0.time < $1.time }
    }
}
