import Acoustic
import Transcription

/// Timed text from elsewhere (caption cues, matched cue-sheet passages) → transcript segments whose words
/// keep the given text and take their times from the recording: each cue's words are force-aligned
/// (CTC Viterbi) on the posteriors inside the cue's span widened by ``margin``, so a mention lands on the
/// second the word was said, not wherever the caption happened to start. A cue whose text cannot be
/// aligned there (no speech frames in its span, fewer frames than units, or more than
/// ``alignmentBudget``) has its words spread over the span by their syllables.
///
/// It streams: utterances are added in time order and each cue is aligned as soon as the posteriors
/// that can reach it are in, so a long broadcast never holds all its posteriors at once.
public struct CueAligner {
    /// A passage of given text and the span of the recording it was said in.
    public struct Cue: Sendable, Equatable {
        /// The text as given (written numbers and punctuation allowed).
        public var text: String
        /// Where it was said, in seconds from the start of the recording.
        public var span: ClosedRange<Double>

        /// Creates a cue.
        public init(text: String, span: ClosedRange<Double>) {
            (self.text, self.span) = (text, span)
        }
    }

    /// Seconds searched on each side of a cue's span: captions are often timed loosely, shown a little
    /// before or after the words are said.
    public static let margin = 0.5

    /// The most cells (frames × alignment states) one cue's forced alignment may take, a byte each: a cue
    /// longer than minutes (a whole show given as one cue) is spread instead of exhausting memory.
    public static let alignmentBudget = 32 << 20

    private let cues: [Cue]
    private let origin: WordOrigin
    private let vocabulary: TokenVocabulary
    private let clock: FrameClock
    private var nextCue = 0
    private var utterances: [UtterancePosteriors] = []
    private var segments: [TranscriptSegment] = []

    /// An aligner for `cues` (any order), whose words record `origin`, with the model's units and clock.
    public init(cues: [Cue], origin: WordOrigin, vocabulary: TokenVocabulary, clock: FrameClock) {
        self.cues = cues.sorted { $0.span.lowerBound < $1.span.lowerBound }
        (self.origin, self.vocabulary, self.clock) = (origin, vocabulary, clock)
    }

    /// Takes the next utterance (in time order) and aligns every cue it completes.
    public mutating func add(_ utterance: UtterancePosteriors) {
        utterances.append(utterance)
        alignCues(endingBy: utterance.end)
    }

    /// Aligns the cues still waiting and returns every cue's segment, in time order.
    public mutating func finish() -> [TranscriptSegment] {
        alignCues(endingBy: .infinity)
        return segments.sorted { $0.start < $1.start }
    }

    private mutating func alignCues(endingBy time: Double) {
        while nextCue < cues.count, cues[nextCue].span.upperBound + Self.margin <= time {
            if let segment = align(cues[nextCue]) { segments.append(segment) }
            nextCue += 1
        }
        if nextCue < cues.count {  // utterances before the next cue's window can reach no cue still waiting
            let horizon = cues[nextCue].span.lowerBound - Self.margin
            utterances.removeAll { $0.end < horizon }
        }
    }

    /// The cue's words, aligned or spread; nil when its text has no words.
    private func align(_ cue: Cue) -> TranscriptSegment? {
        let words = SpokenWords.of(cue.text, vocabulary: vocabulary)
        guard !words.isEmpty else { return nil }
        let timed = aligned(words, in: cue.span) ?? Self.spread(words.map(\.text), over: cue.span)
        let given = zip(words, timed).map { word, time in
            // A given word is not a guess: its confidence is 1, whatever the model would have heard.
            TimedWord(text: word.text, start: time.start, end: time.end, confidence: 1, origin: origin)
        }
        // The segment spans its words, which are placed more exactly than captions are timed.
        return TranscriptSegment(
            start: given[0].start, end: given[given.count - 1].end,
            text: given.map(\.text).joined(separator: " "), words: given)
    }

    /// Forced alignment of the words on the posteriors in `span` ± margin; nil when they do not fit.
    private func aligned(
        _ words: [(text: String, units: [Int])], in span: ClosedRange<Double>
    )
        -> [(start: Double, end: Double)]?
    {
        let searched = (span.lowerBound - Self.margin)...(span.upperBound + Self.margin)
        guard let window = PosteriorsWindow(utterances: utterances, span: searched, clock: clock) else { return nil }
        let sequence = Array(words.map(\.units).joined(separator: [TokenVocabulary.wordBoundary]))
        guard window.posteriors.frames * (2 * sequence.count + 1) <= Self.alignmentBudget else { return nil }
        let timed = TimedWords.words(for: sequence, posteriors: window.posteriors, vocabulary: vocabulary, clock: clock)
        guard timed.count == words.count else { return nil }
        return timed.map { (window.recordingTime($0.start, isEnd: false), window.recordingTime($0.end, isEnd: true)) }
    }

    /// `words` spread over `span` in proportion to their syllables (characters).
    static func spread(_ words: [String], over span: ClosedRange<Double>) -> [(start: Double, end: Double)] {
        let total = Double(words.reduce(0) { $0 + $1.count })
        let length = span.upperBound - span.lowerBound
        var done = 0.0
        return words.map { word in
            let start = span.lowerBound + length * done / total
            done += Double(word.count)
            return (start, span.lowerBound + length * done / total)
        }
    }
}
