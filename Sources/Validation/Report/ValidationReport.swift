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

    /// Why the figures mean nothing, or nil when they do: the reference holds no text once normalised
    /// (every rate would be 0 / 0), or not one reference id has a hypothesis (ids that do not match). A CI
    /// gate must fail on these rather than pass on CER 0.
    public var unscorableReason: String? {
        if corpus.characters.referenceLength == 0 {
            return "the reference \(reference) holds no text to score against (\(items.count) item(s), "
                + "all empty once normalised); give a reference with text"
        }
        if items.allSatisfy({ $0.pairing == .missingHypothesis }) {
            func listed(_ ids: [String]) -> String {
                ids.isEmpty
                    ? "none" : ids.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
            }
            return "no reference id has a hypothesis: the reference \(reference) has ids \(listed(items.map(\.id))), "
                + "the hypothesis \(hypothesis) has \(listed(unmatchedHypothesisIDs)); items pair by id"
        }
        return nil
    }

    /// Whether the corpus CER is above `maxCER` (a fraction: 0.1 = 10 %).
    public func exceeds(maxCER: Double) -> Bool { corpus.cer > maxCER }

    /// The report as JSON with sorted keys (pretty-printed by default).
    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            prettyPrinted ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys]
        return try encoder.encode(self)
    }
}
