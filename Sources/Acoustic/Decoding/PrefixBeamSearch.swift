import Foundation

/// CTC prefix beam search, optionally biased towards hotwords and fused with a language model.
///
/// Each hypothesis is a collapsed token prefix with two log-probabilities — of all paths for it
/// ending in blank and ending in its last token — so repeats and blanks are merged exactly. Prefixes
/// are nodes of a tree (one id per distinct prefix), so merging is an integer lookup. At each frame
/// only the `candidatesPerFrame` likeliest units within `pruneThreshold` of the best are expanded.
public struct PrefixBeamSearch: CTCDecoder {
    /// The default beam width, 32: with the language model, on the ensemble's real dev speech, 16 → 32
    /// lowered the CER by half a point and 64 by little more (Training/LOG.md, session 18); the
    /// search stays a small share of transcription time. Python's `ngram_lm.BEAM_WIDTH` is the same.
    public static let defaultBeamWidth = 32

    /// Hypotheses kept after each frame. Default `defaultBeamWidth`.
    public var beamWidth: Int
    /// Units more than this many nats below the frame's best are skipped. Default 8.
    public var pruneThreshold: Float
    /// At most this many non-blank units are expanded per frame. Default 12.
    public var candidatesPerFrame: Int
    /// Keyword bias (none by default).
    public var hotwords: HotwordBias?
    /// Language model fusion (none by default).
    public var languageModel: LanguageModelFusion?

    /// A search keeping `beamWidth` hypotheses per frame (1: a single prefix, still scored with the
    /// hotwords and the language model).
    public init(
        beamWidth: Int = defaultBeamWidth, pruneThreshold: Float = 8, candidatesPerFrame: Int = 12,
        hotwords: HotwordBias? = nil, languageModel: LanguageModelFusion? = nil
    ) {
        self.beamWidth = beamWidth
        self.pruneThreshold = pruneThreshold
        self.candidatesPerFrame = candidatesPerFrame
        self.hotwords = hotwords
        self.languageModel = languageModel
    }

    private struct Hypothesis {
        var blank: Float = -.infinity  // log P(prefix, path ends in blank)
        var nonBlank: Float = -.infinity  // log P(prefix, path ends in the last token)
        var bias: Float = 0  // hotword bonus held by this prefix
        var hotword: HotwordBias.State?
        var fused: Float = 0  // language model score of the prefix (weighted, with unit bonuses)
        var history: NgramLanguageModel.State?
        var total: Float { logAdd(blank, nonBlank) }
        var score: Float { total + bias + fused }
    }

    /// Distinct prefixes as a tree: node 0 is the empty prefix.
    private struct PrefixTree {
        var parent: [Int] = [-1]
        var token: [Int] = [-1]
        var children: [Int: Int] = [:]  // (node << 20 | token) → child

        mutating func child(of node: Int, token unit: Int) -> Int {
            let key = node << 20 | unit
            if let existing = children[key] { return existing }
            parent.append(node)
            token.append(unit)
            children[key] = parent.count - 1
            return parent.count - 1
        }

        func sequence(_ node: Int) -> [Int] {
            var result: [Int] = []
            var current = node
            while current > 0 { result.append(token[current]); current = parent[current] }
            return result.reversed()
        }
    }

    /// The best token sequence.
    public func decode(_ posteriors: Posteriors) -> [Int] {
        let vocabulary = posteriors.vocabularySize
        var tree = PrefixTree()
        var beams: [Int: Hypothesis] = [
            0: Hypothesis(blank: 0, hotword: hotwords?.initial, history: languageModel?.model.start)
        ]
        var candidates: [(unit: Int, logProbability: Float)] = []
        posteriors.values.withUnsafeBufferPointer { values in
            for frame in 0..<posteriors.frames {
                let row = values.baseAddress! + frame * vocabulary
                selectCandidates(row, vocabulary: vocabulary, into: &candidates)
                var next: [Int: Hypothesis] = [:]
                next.reserveCapacity(beams.count * (candidates.count + 1))
                for (node, hypothesis) in beams {
                    let last = tree.token[node]
                    // Blank: the prefix is unchanged and now ends in blank.
                    next[node, default: carrying(hypothesis)].blank.logAccumulate(
                        hypothesis.total + row[TokenVocabulary.blank])
                    for (unit, p) in candidates {
                        if unit == last {
                            // A repeat without a blank between collapses into the same prefix …
                            next[node, default: carrying(hypothesis)].nonBlank.logAccumulate(hypothesis.nonBlank + p)
                            // … and after a blank it is a new occurrence.
                            extend(
                                node, hypothesis, with: unit, pathScore: hypothesis.blank + p, tree: &tree, into: &next)
                        } else {
                            extend(
                                node, hypothesis, with: unit, pathScore: hypothesis.total + p, tree: &tree, into: &next)
                        }
                    }
                }
                beams =
                    next.count <= beamWidth
                    ? next
                    : Dictionary(
                        uniqueKeysWithValues: next.sorted { $0.value.score > $1.value.score }.prefix(beamWidth)
                            .map { ($0.key, $0.value) })
            }
        }
        let best =
            beams.map { (node: $0.key, score: finalScore($0.value, last: tree.token[$0.key])) }
            .max { $0.score < $1.score }?.node ?? 0
        return tree.sequence(best)
    }

    /// The score a finished transcript gets: an unfinished hotword earns nothing, and the language model
    /// scores the sentence's end (unless the prefix already ends in a boundary).
    private func finalScore(_ hypothesis: Hypothesis, last: Int) -> Float {
        var score = hypothesis.score - (hypothesis.hotword?.pending ?? 0)
        if let languageModel, let history = hypothesis.history, last != NgramLanguageModel.boundary {
            score +=
                languageModel.weight * languageModel.model.score(history, NgramLanguageModel.boundary).logProbability
        }
        return score
    }

    /// The likeliest non-blank units of a frame, within the prune threshold.
    private func selectCandidates(
        _ row: UnsafePointer<Float>, vocabulary: Int,
        into candidates: inout [(unit: Int, logProbability: Float)]
    ) {
        candidates.removeAll(keepingCapacity: true)
        var best: Float = -.infinity
        for unit in 0..<vocabulary { best = max(best, row[unit]) }
        let floor = best - pruneThreshold
        for unit in 1..<vocabulary where row[unit] >= floor {
            if candidates.count < candidatesPerFrame {
                candidates.append((unit, row[unit]))
            } else if let weakest = candidates.indices.min(by: {
                candidates[$0].logProbability < candidates[$1].logProbability
            }),
                row[unit] > candidates[weakest].logProbability
            {
                candidates[weakest] = (unit, row[unit])
            }
        }
    }

    private func carrying(_ hypothesis: Hypothesis) -> Hypothesis {
        Hypothesis(
            bias: hypothesis.bias, hotword: hypothesis.hotword, fused: hypothesis.fused, history: hypothesis.history)
    }

    private func extend(
        _ node: Int, _ hypothesis: Hypothesis, with unit: Int, pathScore: Float,
        tree: inout PrefixTree, into next: inout [Int: Hypothesis]
    ) {
        let extended = tree.child(of: node, token: unit)
        if next[extended] == nil {
            var fresh = carrying(hypothesis)
            if let hotwords, let state = hypothesis.hotword {
                let (newState, delta) = hotwords.advance(state, with: unit)
                fresh.hotword = newState
                fresh.bias += delta
            }
            if let languageModel, let history = hypothesis.history {
                let (logProbability, next) = languageModel.model.score(history, unit)
                fresh.history = next
                fresh.fused += languageModel.weight * logProbability + languageModel.unitBonus
            }
            next[extended] = fresh
        }
        next[extended]!.nonBlank.logAccumulate(pathScore)
    }
}

extension Float {
    /// self ← log(eˢᵉˡᶠ + eˣ).
    @inline(__always)
    mutating func logAccumulate(_ x: Float) { self = logAdd(self, x) }
}

/// log(eᵃ + eᵇ) without overflow.
@inline(__always)
func logAdd(_ a: Float, _ b: Float) -> Float {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    return max(a, b) + log1p(exp(-abs(a - b)))
}
