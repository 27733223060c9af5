/// A word (eojeol: the text between spaces) with its time and confidence.
public struct TimedWord: Codable, Sendable, Equatable {
    /// The word as the model spelled it (spoken form).
    public var text: String
    /// Start in seconds.
    public var start: Double
    /// End in seconds.
    public var end: Double
    /// Mean posterior probability of its units over their frames, 0…1.
    public var confidence: Double
    /// Where its text came from; nil for a recognised word (transcripts written before words recorded
    /// their origin have none).
    public var origin: WordOrigin?

    public init(text: String, start: Double, end: Double, confidence: Double, origin: WordOrigin? = nil) {
        (self.text, self.start, self.end, self.confidence, self.origin) = (text, start, end, confidence, origin)
    }
}

/// Words with times from a token sequence aligned to its posteriors.
public enum TimedWords {
    /// Aligns `sequence` to `posteriors` (Viterbi) and groups the units into words at word
    /// boundaries. `offset` seconds are added to every time (the utterance's place in the recording).
    /// Every time is kept inside `bounds` (the utterance's span in the recording, when given): the clock's
    /// emission-delay shift puts the first frame's slot before the audio begins, and a word's time must
    /// never lie outside the recording.
    public static func words(
        for sequence: [Int], posteriors: Posteriors, vocabulary: TokenVocabulary, clock: FrameClock, offset: Double = 0,
        bounds: ClosedRange<Double>? = nil
    ) -> [TimedWord] {
        guard let spans = ForcedAlignment.align(sequence, to: posteriors) else { return [] }
        var words: [TimedWord] = []
        var current: [ForcedAlignment.Span] = []
        func flush() {
            guard let first = current.first, let last = current.last else { return }
            let text = vocabulary.text(of: current.map(\.token))
            let confidence = current.reduce(0.0) { $0 + Double($1.confidence) } / Double(current.count)
            let bounds = bounds ?? -Double.infinity...Double.infinity
            let start = (offset + clock.start(of: first.firstFrame)).clamped(to: bounds)
            let end = (offset + clock.end(of: last.lastFrame)).clamped(to: bounds)
            words.append(TimedWord(text: text, start: start, end: end, confidence: confidence))
            current = []
        }
        for span in spans {
            if span.token == TokenVocabulary.wordBoundary { flush() } else { current.append(span) }
        }
        flush()
        return words
    }
}

extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
