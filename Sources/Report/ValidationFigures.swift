import Foundation
import Validation

/// How well a broadcast's transcript matches the reference transcript that came with its recording: the
/// pipeline's validation stage scores it (`validation.json`) and the catalog keeps these figures for the
/// broadcast list and the dashboard. Rates are corpus totals (errors / reference length), 0…1 (above 1
/// with many insertions).
public struct ValidationFigures: Sendable, Equatable {
    /// Character error rate (spacing ignored).
    public var cer: Double
    /// Word (eojeol) error rate.
    public var wer: Double
    /// Share of reference items with at least one character error.
    public var sentenceErrorRate: Double
    /// Reference items scored.
    public var items: Int
    /// Character counts (the validator's own).
    public var characters: ErrorCounts
    /// Word counts.
    public var words: ErrorCounts
    /// When the validation stage produced these figures.
    public var validated: Date

    /// Creates figures.
    public init(
        cer: Double, wer: Double, sentenceErrorRate: Double, items: Int, characters: ErrorCounts,
        words: ErrorCounts, validated: Date
    ) {
        (self.cer, self.wer, self.sentenceErrorRate, self.items) = (cer, wer, sentenceErrorRate, items)
        (self.characters, self.words, self.validated) = (characters, words, validated)
    }
}
