import Foundation

/// Viterbi forced alignment of a token sequence to CTC posteriors: which frames each token occupies.
public enum ForcedAlignment {
    /// Frames occupied by one token of the sequence: the run of frames the best path spends on it.
    public struct Span: Equatable, Sendable {
        public let token: Int
        public let firstFrame: Int
        public let lastFrame: Int
        /// Mean posterior probability of the token over its frames.
        public let confidence: Float
    }

    /// Aligns `sequence` (collapsed tokens, no blanks) to `posteriors`. Returns one span per token,
    /// or nil when the sequence cannot fit in the available frames.
    public static func align(_ sequence: [Int], to posteriors: Posteriors) -> [Span]? {
        let frames = posteriors.frames, count = sequence.count
        guard count > 0 else { return [] }
        guard frames >= count else { return nil }
        // States: blank, y1, blank, y2, …, yL, blank (2L + 1).
        let states = 2 * count + 1
        func unit(_ s: Int) -> Int { s % 2 == 0 ? TokenVocabulary.blank : sequence[s / 2] }
        var score = [Float](repeating: -.infinity, count: states)
        var back = [Int8](repeating: -1, count: frames * states)  // steps back: 0, 1 or 2
        score[0] = posteriors[0, unit(0)]
        if states > 1 { score[1] = posteriors[0, unit(1)] }
        for t in 1..<frames {
            var next = [Float](repeating: -.infinity, count: states)
            for s in 0..<states {
                var best = score[s], step: Int8 = 0
                if s >= 1 && score[s - 1] > best { best = score[s - 1]; step = 1 }
                if s >= 2 && s % 2 == 1 && unit(s) != unit(s - 2) && score[s - 2] > best {
                    best = score[s - 2]; step = 2
                }
                if best > -.infinity {
                    next[s] = best + posteriors[t, unit(s)]
                    back[t * states + s] = step
                }
            }
            score = next
        }
        // End in the final blank or the final token, whichever is likelier.
        var state = states - 1
        if states >= 2 && score[states - 2] > score[states - 1] { state = states - 2 }
        guard score[state] > -.infinity else { return nil }
        var path = [Int](repeating: 0, count: frames)
        for t in stride(from: frames - 1, through: 0, by: -1) {
            path[t] = state
            if t > 0 { state -= Int(back[t * states + state]) }
        }
        var spans: [Span] = []
        var t = 0
        while t < frames {
            let s = path[t]
            var end = t
            while end + 1 < frames && path[end + 1] == s { end += 1 }
            if s % 2 == 1 {
                let token = sequence[s / 2]
                let mean = (t...end).reduce(Float(0)) { $0 + exp(posteriors[$1, token]) } / Float(end - t + 1)
                spans.append(Span(token: token, firstFrame: t, lastFrame: end, confidence: mean))
            }
            t = end + 1
        }
        return spans.count == count ? spans : nil
    }
}
