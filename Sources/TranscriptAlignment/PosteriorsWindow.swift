import Acoustic

/// The frames of consecutive utterances that fall inside a time span, joined into one `Posteriors` for
/// forced alignment, and the way back from the joined frames to the recording's clock. Utterances are
/// cut at pauses, so one caption often spans two of them; the pause between them has no frames.
struct PosteriorsWindow {
    /// One utterance's share of the window.
    struct Piece {
        /// Its first frame in the window.
        let windowFrame: Int
        /// Seconds added to a window time to get the recording's time.
        let shift: Double
        /// The utterance's span in the recording, which every time mapped into it is kept inside.
        let bounds: ClosedRange<Double>
    }

    /// The joined frames.
    let posteriors: Posteriors
    private let pieces: [Piece]
    private let clock: FrameClock

    /// The frames of `utterances` (in time order) whose centres lie in `span`; nil when there are none.
    init?(utterances: [UtterancePosteriors], span: ClosedRange<Double>, clock: FrameClock) {
        var values: [Float] = []
        var pieces: [Piece] = []
        var frames = 0
        var vocabularySize = 0
        for utterance in utterances where utterance.end > span.lowerBound && utterance.start < span.upperBound {
            let rows = utterance.posteriors
            let inside = (0..<rows.frames).filter { span.contains(utterance.start + clock.centre(of: $0)) }
            guard let first = inside.first, let last = inside.last else { continue }
            vocabularySize = rows.vocabularySize
            values += rows.values[first * vocabularySize..<(last + 1) * vocabularySize]
            pieces.append(
                Piece(
                    windowFrame: frames, shift: utterance.start + clock.step * Double(first - frames),
                    bounds: utterance.start...max(utterance.start, utterance.end)))
            frames += last - first + 1
        }
        guard frames > 0 else { return nil }
        posteriors = Posteriors(frames: frames, vocabularySize: vocabularySize, values: values)
        (self.pieces, self.clock) = (pieces, clock)
    }

    /// The recording's time of `time` on the window's clock. A word's end that falls exactly on the join of
    /// two pieces belongs to the earlier one, a start to the later one.
    func recordingTime(_ time: Double, isEnd: Bool) -> Double {
        let piece =
            pieces.last { piece in
                let joined = clock.start(of: piece.windowFrame)
                return isEnd ? time > joined + 1e-9 : time >= joined - 1e-9
            } ?? pieces[0]
        return min(max(time + piece.shift, piece.bounds.lowerBound), piece.bounds.upperBound)
    }
}

/// One utterance's posteriors and its span in the recording (as `posteriors.bin` stores them).
public struct UtterancePosteriors: Sendable {
    /// Start in seconds from the beginning of the recording.
    public var start: Double
    /// End in seconds.
    public var end: Double
    /// The model's log-probabilities, frames on the clock of `start`.
    public var posteriors: Posteriors

    /// Creates an utterance.
    public init(start: Double, end: Double, posteriors: Posteriors) {
        (self.start, self.end, self.posteriors) = (start, end, posteriors)
    }
}
