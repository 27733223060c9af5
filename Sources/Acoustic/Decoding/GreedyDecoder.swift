/// Best-path CTC decoding: the most likely unit at each frame, repeats collapsed, blanks dropped.
public struct GreedyDecoder: CTCDecoder {
    public init() {}

    /// The token sequence of the best path.
    public func decode(_ posteriors: Posteriors) -> [Int] {
        var sequence: [Int] = []
        var previous = -1
        posteriors.values.withUnsafeBufferPointer { values in
            for frame in 0..<posteriors.frames {
                let row = values.baseAddress! + frame * posteriors.vocabularySize
                var best = 0
                for unit in 1..<posteriors.vocabularySize where row[unit] > row[best] { best = unit }
                if best != previous && best != TokenVocabulary.blank { sequence.append(best) }
                previous = best
            }
        }
        return sequence
    }
}
