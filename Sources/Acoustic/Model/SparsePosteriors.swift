import Foundation

/// CTC log-probabilities kept compactly: the `keep` likeliest units of every frame, plus one floor
/// value per frame shared by all other units (the log of the leftover probability spread evenly).
///
/// A two-hour broadcast has about 180,000 output frames; dense, they would take 1.7 GB with a
/// 2,353-unit vocabulary. With `keep = 8` they take 6 MB, and decoding or keyword spotting on them
/// matches the dense result wherever the answer lies among the likeliest units (a CTC model's
/// posteriors are peaky: the top 8 typically hold over 99.9 % of each frame's mass).
public struct SparsePosteriors: Sendable, Equatable {
    /// Frames.
    public let frames: Int
    /// Units in the vocabulary.
    public let vocabularySize: Int
    /// Entries kept per frame.
    public let keep: Int
    /// `frames × keep` unit ids, likeliest first.
    public var units: [UInt16]
    /// `frames × keep` log-probabilities matching `units`.
    public var values: [Float]
    /// Per frame, the log-probability assumed for every unit not kept.
    public var floors: [Float]

    public init(frames: Int, vocabularySize: Int, keep: Int, units: [UInt16], values: [Float], floors: [Float]) {
        precondition(units.count == frames * keep && values.count == frames * keep && floors.count == frames)
        (self.frames, self.vocabularySize, self.keep) = (frames, vocabularySize, keep)
        (self.units, self.values, self.floors) = (units, values, floors)
    }

    /// Keeps the `keep` likeliest units of each frame of `dense`.
    public init(_ dense: Posteriors, keep: Int = 8) {
        let keep = min(keep, dense.vocabularySize)
        var units = [UInt16](), values = [Float](), floors = [Float]()
        units.reserveCapacity(dense.frames * keep)
        values.reserveCapacity(dense.frames * keep)
        for frame in 0..<dense.frames {
            let row = dense.values[(frame * dense.vocabularySize)..<((frame + 1) * dense.vocabularySize)]
            let top = row.indices.sorted { row[$0] > row[$1] }.prefix(keep)
            var kept = 0.0
            for index in top {
                units.append(UInt16(index - row.startIndex))
                values.append(row[index])
                kept += exp(Double(row[index]))
            }
            let others = dense.vocabularySize - keep
            floors.append(others > 0 ? Float(log(max(1e-30, (1 - kept) / Double(others)))) : -.infinity)
        }
        self.init(
            frames: dense.frames, vocabularySize: dense.vocabularySize, keep: keep, units: units, values: values,
            floors: floors)
    }

    /// The dense matrix this stands for (kept values, the floor elsewhere).
    public func densified() -> Posteriors {
        var dense = [Float](repeating: 0, count: frames * vocabularySize)
        for frame in 0..<frames {
            let base = frame * vocabularySize
            for unit in 0..<vocabularySize { dense[base + unit] = floors[frame] }
            for k in 0..<keep { dense[base + Int(units[frame * keep + k])] = values[frame * keep + k] }
        }
        return Posteriors(frames: frames, vocabularySize: vocabularySize, values: dense)
    }
}
