import Foundation

/// CTC prefix beam search, optionally biased towards hotwords.
///
/// Each hypothesis is a collapsed token prefix with two log-probabilities — of all paths for it
/// ending in blank and ending in its last token — so repeats and blanks are merged exactly. Units
/// below `pruneThreshold` (relative to the frame's best) are not expanded.
public struct PrefixBeamSearch: Sendable {
    /// Hypotheses kept after each frame. Default 8.
    public var beamWidth: Int
    /// Units more than this many nats below the frame's best are skipped. Default 8.
    public var pruneThreshold: Float
    /// Keyword bias (none by default).
    public var hotwords: HotwordBias?

    public init(beamWidth: Int = 8, pruneThreshold: Float = 8, hotwords: HotwordBias? = nil) {
        self.beamWidth = beamWidth
        self.pruneThreshold = pruneThreshold
        self.hotwords = hotwords
    }

    private struct Hypothesis {
        var blank: Float = -.infinity       // log P(prefix, path ends in blank)
        var nonBlank: Float = -.infinity    // log P(prefix, path ends in the last token)
        var bias: Float = 0                 // hotword bonus held by this prefix
        var hotword: HotwordBias.State?
        var total: Float { logAdd(blank, nonBlank) }
        var score: Float { total + bias }
    }

    /// The best token sequence.
    public func decode(_ posteriors: Posteriors) -> [Int] {
        let vocabulary = posteriors.vocabularySize
        var beams: [[Int]: Hypothesis] = [[]: Hypothesis(blank: 0, hotword: hotwords?.initial)]
        posteriors.values.withUnsafeBufferPointer { values in
            for frame in 0..<posteriors.frames {
                let row = values.baseAddress! + frame * vocabulary
                var best: Float = -.infinity
                for unit in 0..<vocabulary { best = max(best, row[unit]) }
                let candidates = (1..<vocabulary).filter { row[$0] >= best - pruneThreshold }
                var next: [[Int]: Hypothesis] = [:]
                for (prefix, hypothesis) in beams {
                    // Blank: the prefix is unchanged and now ends in blank.
                    next[prefix, default: carrying(hypothesis)].blank =
                        logAdd(next[prefix]?.blank ?? -.infinity, hypothesis.total + row[TokenVocabulary.blank])
                    for unit in candidates {
                        let p = row[unit]
                        if unit == prefix.last {
                            // Repeat without a blank between collapses into the same prefix …
                            next[prefix, default: carrying(hypothesis)].nonBlank =
                                logAdd(next[prefix]?.nonBlank ?? -.infinity, hypothesis.nonBlank + p)
                            // … and after a blank it is a new occurrence.
                            extend(prefix, hypothesis, with: unit, pathScore: hypothesis.blank + p, into: &next)
                        } else {
                            extend(prefix, hypothesis, with: unit, pathScore: hypothesis.total + p, into: &next)
                        }
                    }
                }
                beams = Dictionary(uniqueKeysWithValues: next.sorted { $0.value.score > $1.value.score }.prefix(beamWidth)
                    .map { ($0.key, $0.value) })
            }
        }
        // A hotword left unfinished at the end earns nothing.
        return beams.max { ($0.value.total + $0.value.bias - ($0.value.hotword?.pending ?? 0))
            < ($1.value.total + $1.value.bias - ($1.value.hotword?.pending ?? 0)) }?.key ?? []
    }

    private func carrying(_ hypothesis: Hypothesis) -> Hypothesis {
        Hypothesis(bias: hypothesis.bias, hotword: hypothesis.hotword)
    }

    private func extend(_ prefix: [Int], _ hypothesis: Hypothesis, with unit: Int, pathScore: Float,
                        into next: inout [[Int]: Hypothesis]) {
        let extended = prefix + [unit]
        if next[extended] == nil {
            var fresh = Hypothesis(bias: hypothesis.bias, hotword: hypothesis.hotword)
            if let hotwords, let state = hypothesis.hotword {
                let (newState, delta) = hotwords.advance(state, with: unit)
                fresh.hotword = newState
                fresh.bias += delta
            }
            next[extended] = fresh
        }
        next[extended]!.nonBlank = logAdd(next[extended]!.nonBlank, pathScore)
    }
}

/// log(eᵃ + eᵇ) without overflow.
@inline(__always)
func logAdd(_ a: Float, _ b: Float) -> Float {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    return max(a, b) + log1p(exp(-abs(a - b)))
}
