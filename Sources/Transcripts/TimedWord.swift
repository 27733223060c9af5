/// A word (eojeol: the text between spaces) with its time and confidence.
public struct TimedWord: Codable, Sendable, Equatable {
    /// The word as the model spelled it (spoken form).
    public var text: String
    /// Start in seconds.
    public var start: Double
    /// End in seconds.
    public var end: Double
    /// Mean posterior probability of its units over their frames, 0…1; 1 for the words of a given text (a script,
    /// a reference, subtitles).
    public var confidence: Double
    /// Where its text came from; nil for a recognised word (transcripts written before words recorded
    /// their origin have none).
    public var origin: WordOrigin?

    public init(text: String, start: Double, end: Double, confidence: Double, origin: WordOrigin? = nil) {
        (self.text, self.start, self.end, self.confidence, self.origin) = (text, start, end, confidence, origin)
    }
}
