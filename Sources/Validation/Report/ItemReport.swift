/// The scores of one utterance pair.
public struct ItemReport: Codable, Equatable, Sendable {
    /// Whether the item had a hypothesis.
    public enum Pairing: String, Codable, Sendable {
        /// Both sides had the id.
        case paired
        /// The hypothesis lacked the id: scored against an empty hypothesis (all deletions).
        case missingHypothesis
    }

    /// The utterance id.
    public var id: String
    /// Whether a hypothesis was found.
    public var pairing: Pairing
    /// The reference after normalisation.
    public var reference: String
    /// The hypothesis after normalisation.
    public var hypothesis: String
    /// Character counts (whitespace removed).
    public var characters: ErrorCounts
    /// Word (eojeol) counts.
    public var words: ErrorCounts
    /// Character error rate, ``ErrorCounts/rate`` of ``characters``.
    public var cer: Double
    /// Word error rate, ``ErrorCounts/rate`` of ``words``.
    public var wer: Double
    /// Whether any character differs (spacing alone does not make a sentence wrong).
    public var sentenceError: Bool
    /// The word alignment, when requested.
    public var wordAlignment: [AlignedToken]?
    /// The character alignment, when requested.
    public var characterAlignment: [AlignedToken]?
    /// Word-time offsets, when both sides carry word times.
    public var timing: TimingReport?
}
