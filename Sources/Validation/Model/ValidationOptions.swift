import Hangul

/// What a validation run normalises and what its report includes.
public struct ValidationOptions: Codable, Equatable, Sendable {
    /// Text normalisation applied to both sides before scoring; see ``TextNormalizer`` (default: scoring defaults).
    public var normalization: TextNormalizer.Options
    /// Whether item reports carry the word and character alignments for the error views (default `true`).
    public var includeAlignments: Bool

    /// Creates options; the defaults are the documented scoring defaults.
    public init(normalization: TextNormalizer.Options = TextNormalizer.Options(), includeAlignments: Bool = true) {
        self.normalization = normalization
        self.includeAlignments = includeAlignments
    }
}
