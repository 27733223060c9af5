/// Totals over every reference item. Rates are sums of errors over sums of reference lengths, never an
/// average of per-item rates.
public struct CorpusSummary: Codable, Equatable, Sendable {
    /// Reference items scored (paired plus missing hypotheses).
    public var items: Int
    /// Items whose hypothesis was missing (scored as all deletions).
    public var missingHypotheses: Int
    /// Total character counts.
    public var characters: ErrorCounts
    /// Total word counts.
    public var words: ErrorCounts
    /// Corpus character error rate: total character errors / total reference characters.
    public var cer: Double
    /// Corpus word error rate: total word errors / total reference words.
    public var wer: Double
    /// Items with at least one character error.
    public var sentenceErrors: Int
    /// ``sentenceErrors`` / ``items`` (0 when there are no items).
    public var sentenceErrorRate: Double
    /// Word-time offsets pooled over all items that have word times on both sides.
    public var timing: TimingReport?

    /// Sums item reports; `timing` is supplied by the caller, which holds the raw offsets.
    init(items reports: [ItemReport], timing: TimingReport?) {
        items = reports.count
        missingHypotheses = reports.filter { $0.pairing == .missingHypothesis }.count
        characters = reports.reduce(ErrorCounts()) { $0 + $1.characters }
        words = reports.reduce(ErrorCounts()) { $0 + $1.words }
        cer = characters.rate
        wer = words.rate
        sentenceErrors = reports.filter(\.sentenceError).count
        sentenceErrorRate = reports.isEmpty ? 0 : Double(sentenceErrors) / Double(reports.count)
        self.timing = timing
    }
}
