import Acoustic
import Foundation

/// Finds keywords directly in the acoustic posteriors, so a keyword the best path misspelt (or
/// split oddly) is still found.
///
/// For each keyword spelling (syllable tokens; spaces optional) a Viterbi pass over the frames finds,
/// for every end frame, the best alignment of the keyword to some span ending there — free to start
/// anywhere. Frame scores are relative to the frame's likeliest unit (0 when the keyword's unit is the
/// likeliest), so a span the model "heard" as the keyword scores 0 and each doubtful frame costs the
/// log-ratio to the best unit. Score per token ≥ `threshold` is a detection; overlapping detections
/// of one keyword keep the best. Confidence = exp(score per token).
public struct KeywordSpotter: Sendable {
    private struct Pattern {
        let keyword: Keyword
        let tokens: [Int]
    }

    private let patterns: [Pattern]
    /// Minimum mean score per token (log scale, ≤ 0). Default −1.2.
    public let threshold: Float
    private let clock: FrameClock

    public init(keywords: KeywordList, vocabulary: TokenVocabulary, threshold: Float = -1.2, clock: FrameClock = FrameClock()) {
        patterns = keywords.keywords.flatMap { keyword in
            keyword.spellings.map { Pattern(keyword: keyword, tokens: vocabulary.encode($0).filter { $0 != TokenVocabulary.wordBoundary }) }
        }.filter { !$0.tokens.isEmpty && !$0.tokens.contains(TokenVocabulary.unknown) }
        self.threshold = threshold
        self.clock = clock
    }

    /// Detections in one utterance whose posteriors start `start` seconds into the broadcast.
    public func spot(_ posteriors: SparsePosteriors, start: Double) -> [Mention] {
        guard posteriors.frames > 0, !patterns.isEmpty else { return [] }
        let frames = posteriors.frames, keep = posteriors.keep
        // Relative scores of the kept units, scattered into a dense row; `stamp` marks this frame's.
        var relative = [Float](repeating: 0, count: posteriors.vocabularySize)
        var stamp = [Int](repeating: -1, count: posteriors.vocabularySize)
        var states = patterns.map { [Float](repeating: -.infinity, count: 2 * $0.tokens.count - 1) }
        var starts = patterns.map { [Int](repeating: 0, count: 2 * $0.tokens.count - 1) }
        var best: [(score: Float, first: Int, last: Int)?] = Array(repeating: nil, count: patterns.count)
        var detections: [Mention] = []

        for t in 0..<frames {
            let top = posteriors.values[t * keep]
            let floor = posteriors.floors[t] - top
            for k in 0..<keep {
                let unit = Int(posteriors.units[t * keep + k])
                relative[unit] = posteriors.values[t * keep + k] - top
                stamp[unit] = t
            }
            func score(_ unit: Int) -> Float { stamp[unit] == t ? relative[unit] : floor }
            let gap = max(score(TokenVocabulary.blank), score(TokenVocabulary.wordBoundary))
            for (p, pattern) in patterns.enumerated() {
                let tokens = pattern.tokens
                var previous = states[p], previousStarts = starts[p]
                // Token states at even indices 2j, gaps between them at odd indices.
                for s in 0..<previous.count {
                    var value = previous[s], origin = previousStarts[s]
                    if s == 0 {
                        if 0 > value { value = 0; origin = t }         // a fresh start here
                    } else if s % 2 == 1 {
                        if previous[s - 1] > value { value = previous[s - 1]; origin = previousStarts[s - 1] }
                    } else {
                        if previous[s - 1] > value { value = previous[s - 1]; origin = previousStarts[s - 1] }
                        if tokens[s / 2] != tokens[s / 2 - 1] && previous[s - 2] > value {
                            value = previous[s - 2]; origin = previousStarts[s - 2]
                        }
                    }
                    states[p][s] = value + (s % 2 == 0 ? score(tokens[s / 2]) : gap)
                    starts[p][s] = origin
                }
                previous = states[p]
                previousStarts = starts[p]
                let endScore = previous[previous.count - 1] / Float(tokens.count)
                let first = previousStarts[previous.count - 1]
                if endScore >= threshold {
                    if let current = best[p], current.first <= t, first <= current.last {
                        if endScore > current.score { best[p] = (endScore, first, t) }   // same occurrence, better end
                    } else {
                        if let current = best[p] { detections.append(mention(patterns[p].keyword, current, start: start)) }
                        best[p] = (endScore, first, t)
                    }
                }
            }
        }
        for (p, detection) in best.enumerated() {
            if let detection { detections.append(mention(patterns[p].keyword, detection, start: start)) }
        }
        return Self.suppressOverlaps(detections)
    }

    private func mention(_ keyword: Keyword, _ detection: (score: Float, first: Int, last: Int), start: Double) -> Mention {
        Mention(keyword: keyword.text, topic: keyword.topic, time: start + clock.start(of: detection.first),
                end: start + clock.end(of: detection.last), confidence: Double(exp(detection.score)), source: .acoustic, ment: "")
    }

    /// One detection per keyword occurrence: spellings of one keyword that overlap keep the best.
    static func suppressOverlaps(_ detections: [Mention]) -> [Mention] {
        var kept: [Mention] = []
        for detection in detections.sorted(by: { $0.confidence > $1.confidence }) where !kept.contains(where: {
            $0.keyword == detection.keyword && $0.time < detection.end && detection.time < $0.end
        }) {
            kept.append(detection)
        }
        return kept.sorted { $0.time < $1.time }
    }
}
