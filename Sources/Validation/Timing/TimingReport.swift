/// How far hypothesis word times are from reference word times, over words the alignment marks correct.
/// Offsets are hypothesis − reference, in seconds.
public struct TimingReport: Codable, Equatable, Sendable {
    /// Correct words compared.
    public var matchedWords: Int
    /// Mean of |start offset|.
    public var meanAbsoluteStartOffset: Double
    /// Median of |start offset|.
    public var medianAbsoluteStartOffset: Double
    /// Mean of |end offset|.
    public var meanAbsoluteEndOffset: Double
    /// Median of |end offset|.
    public var medianAbsoluteEndOffset: Double
    /// Mean signed start offset: positive when the hypothesis is late.
    public var meanStartOffset: Double

    /// Summarises offsets; `nil` when there are none.
    init?(_ offsets: TimingOffsets) {
        guard !offsets.start.isEmpty else { return nil }
        let absoluteStart = offsets.start.map(abs)
        let absoluteEnd = offsets.end.map(abs)
        matchedWords = offsets.start.count
        meanAbsoluteStartOffset = Self.mean(absoluteStart)
        medianAbsoluteStartOffset = Self.median(absoluteStart)
        meanAbsoluteEndOffset = Self.mean(absoluteEnd)
        medianAbsoluteEndOffset = Self.median(absoluteEnd)
        meanStartOffset = Self.mean(offsets.start)
    }

    /// The arithmetic mean of a non-empty list.
    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    /// The median of a non-empty list (mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Raw start and end offsets of matched words, kept so corpus figures pool words rather than averages.
struct TimingOffsets {
    /// Start offsets, hypothesis − reference.
    var start: [Double] = []
    /// End offsets, hypothesis − reference.
    var end: [Double] = []

    /// Appends another set of offsets.
    mutating func append(_ other: TimingOffsets) {
        start += other.start
        end += other.end
    }
}
