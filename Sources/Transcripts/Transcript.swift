import Hangul

/// One utterance of a transcript: its time in the recording, text and words.
public struct TranscriptSegment: Codable, Sendable, Equatable {
    /// Start in seconds from the beginning of the recording.
    public var start: Double
    /// End in seconds.
    public var end: Double
    /// The words as spoken (numbers in Hangul), separated by spaces.
    public var text: String
    /// The same text for reading: spoken numbers as digits (삼만 구천 원 → 39,000원).
    public var readable: String
    /// Words with their times and confidences.
    public var words: [TimedWord]

    public init(start: Double, end: Double, text: String, readable: String? = nil, words: [TimedWord]) {
        (self.start, self.end, self.text, self.words) = (start, end, text, words)
        self.readable = readable ?? NumberDigitizer(grouping: true).digitForm(of: text)
    }
}

/// A recording's transcript.
public struct Transcript: Codable, Sendable, Equatable {
    /// Length of the recording in seconds.
    public var duration: Double
    /// SHA-256 of the acoustic model's weights that produced it.
    public var modelDigest: String
    /// Utterances in time order.
    public var segments: [TranscriptSegment]

    public init(duration: Double, modelDigest: String, segments: [TranscriptSegment]) {
        (self.duration, self.modelDigest, self.segments) = (duration, modelDigest, segments)
    }

    /// All words in time order.
    public var words: [TimedWord] { segments.flatMap(\.words) }
    /// The whole text, one utterance per line.
    public var text: String { segments.map(\.text).joined(separator: "\n") }
}
