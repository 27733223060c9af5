import Foundation

/// The result of validating a hypothesis transcript against a reference: per item and corpus figures,
/// unpaired ids and warnings. Codable, so the pipeline can store it and scripts can read `--json`.
public struct ValidationReport: Codable, Equatable, Sendable {
    /// The reference source.
    public var reference: String
    /// The hypothesis source.
    public var hypothesis: String
    /// The options used.
    public var options: ValidationOptions
    /// Corpus totals.
    public var corpus: CorpusSummary
    /// One report per reference item, in reference order.
    public var items: [ItemReport]
    /// Hypothesis ids with no reference item; listed, not scored.
    public var unmatchedHypothesisIDs: [String]
    /// Human-readable warnings (missing or extra ids).
    public var warnings: [String]

    /// Whether the corpus CER is above `maxCER` (a fraction: 0.1 = 10 %).
    public func exceeds(maxCER: Double) -> Bool { corpus.cer > maxCER }

    /// The report as JSON with sorted keys (pretty-printed by default).
    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys]
        return try encoder.encode(self)
    }
}
