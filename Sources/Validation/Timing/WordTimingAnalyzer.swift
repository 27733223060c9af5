import Hangul
import Transcripts

/// Aligns time-stamped reference and hypothesis words and measures the time offsets of matched words.
///
/// Each word is normalised on its own; when normalisation turns one word into several tokens
/// ("39,000원" → "삼만 구천 원") the word's time span is shared evenly among them. Tokens are aligned
/// with ``LevenshteinAligner`` and only tokens marked correct are compared.
struct WordTimingAnalyzer {
    /// The normaliser applied to each word.
    let normalizer: TextNormalizer
    /// The aligner.
    let aligner: LevenshteinAligner

    /// The start and end offsets (hypothesis − reference) of correct words.
    func offsets(reference: [TimedWord], hypothesis: [TimedWord]) -> TimingOffsets {
        let referenceTokens = tokens(of: reference)
        let hypothesisTokens = tokens(of: hypothesis)
        let steps = aligner.align(referenceTokens.map(\.text), hypothesisTokens.map(\.text))
        var offsets = TimingOffsets()
        for step in steps where step.operation == .correct {
            guard let referenceIndex = step.referenceIndex, let hypothesisIndex = step.hypothesisIndex else { continue }
            offsets.start.append(hypothesisTokens[hypothesisIndex].start - referenceTokens[referenceIndex].start)
            offsets.end.append(hypothesisTokens[hypothesisIndex].end - referenceTokens[referenceIndex].end)
        }
        return offsets
    }

    /// Normalised tokens with the time span of the word they came from, shared evenly.
    func tokens(of words: [TimedWord]) -> [TimedWord] {
        var tokens: [TimedWord] = []
        for word in words {
            let parts = ScoringTokens.words(of: normalizer.normalize(word.text))
            let share = (word.end - word.start) / Double(max(parts.count, 1))
            for (index, part) in parts.enumerated() {
                let start = word.start + share * Double(index)
                tokens.append(
                    TimedWord(
                        text: String(part), start: start, end: start + share,
                        confidence: word.confidence))
            }
        }
        return tokens
    }
}
