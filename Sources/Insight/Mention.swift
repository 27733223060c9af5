/// One time the seller said a keyword.
public struct Mention: Codable, Sendable, Equatable {
    /// How a mention was found.
    public enum Source: String, Codable, Sendable {
        /// In the transcript's words.
        case transcript
        /// By scoring the keyword against the acoustic posteriors (the best path may have misspelt it).
        case acoustic
        /// Both agree.
        case both
    }

    /// The keyword (its canonical spelling in the list).
    public var keyword: String
    /// The keyword's topic.
    public var topic: String
    /// Start of the mention, seconds from the start of the broadcast.
    public var time: Double
    /// End of the mention.
    public var end: Double
    /// 0…1: mean word confidence (transcript) or the acoustic keyword score.
    public var confidence: Double
    public var source: Source
    /// The seller's sentence (utterance) that contains it.
    public var ment: String
    /// Set when an analyst listened and confirmed it (``MentionVerdicts``): their account, empty when unnamed.
    public var confirmedBy: String?

    public init(
        keyword: String, topic: String, time: Double, end: Double, confidence: Double, source: Source, ment: String
    ) {
        (self.keyword, self.topic, self.time, self.end) = (keyword, topic, time, end)
        (self.confidence, self.source, self.ment) = (confidence, source, ment)
    }
}
