import Foundation

/// How well a broadcast's transcript matches the reference transcript that came with its recording: the
/// pipeline's validation stage scores it (`validation.json`) and the catalog keeps these figures for the
/// broadcast list and the dashboard. Rates are corpus totals (errors / reference length), 0…1 (above 1
/// with many insertions).
public struct ValidationFigures: Sendable, Equatable {
    /// Error counts in one unit (characters or words).
    public struct Counts: Sendable, Equatable {
        /// Tokens in the reference.
        public var reference: Int
        /// Reference tokens replaced by other tokens.
        public var substitutions: Int
        /// Reference tokens missing from the transcript.
        public var deletions: Int
        /// Transcript tokens with no reference counterpart.
        public var insertions: Int

        /// Creates counts.
        public init(reference: Int, substitutions: Int, deletions: Int, insertions: Int) {
            (self.reference, self.substitutions, self.deletions, self.insertions) = (
                reference, substitutions, deletions, insertions
            )
        }
    }

    /// Character error rate (spacing ignored).
    public var cer: Double
    /// Word (eojeol) error rate.
    public var wer: Double
    /// Share of reference items with at least one character error.
    public var sentenceErrorRate: Double
    /// Reference items scored.
    public var items: Int
    /// Character counts.
    public var characters: Counts
    /// Word counts.
    public var words: Counts
    /// When the validation stage produced these figures.
    public var validated: Date

    /// Creates figures.
    public init(
        cer: Double, wer: Double, sentenceErrorRate: Double, items: Int, characters: Counts, words: Counts,
        validated: Date
    ) {
        (self.cer, self.wer, self.sentenceErrorRate, self.items) = (cer, wer, sentenceErrorRate, items)
        (self.characters, self.words, self.validated) = (characters, words, validated)
    }
}
