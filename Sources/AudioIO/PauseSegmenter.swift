import Foundation

/// Cuts a stream of 16 kHz samples into utterances at pauses, for recognition.
///
/// Energy is measured in 10 ms frames against an adaptive noise floor (the 10th percentile of the
/// last 10 s, from the first second on), so a music or crowd bed under the voice does not hide the
/// pauses. A segment ends in the middle of the first pause of at least `minimumPause` once it holds
/// `minimumSpeech` of speech; a segment that reaches `maximumLength` without such a pause is cut in
/// the middle of its longest quiet run in the last third (the quietest frame if none). Segments
/// with less than `minimumSpeech` of speech are dropped as silence. Memory is one segment.
public final class PauseSegmenter {
    /// Tuning, with the defaults used for broadcasts.
    public struct Options: Sendable {
        /// Sample rate of the input. Default 16 000.
        public var sampleRate = 16_000
        /// Shortest pause that ends a segment, seconds. Default 0.3.
        public var minimumPause = 0.3
        /// Least speech a segment must hold, seconds. Default 0.3.
        public var minimumSpeech = 0.3
        /// Longest segment, seconds. Default 20 (attention cost grows with the square of length).
        public var maximumLength = 20.0
        /// A frame is speech when it is this many dB above the noise floor. Default 10.
        public var speechMargin: Float = 10
        /// Frames below this level are silence whatever the floor, dBFS. Default −60.
        public var absoluteFloor: Float = -60

        public init() {}
    }

    /// One utterance: where it starts in the recording and its samples.
    public struct Segment: Sendable {
        /// Start time in seconds from the beginning of the stream.
        public let start: Double
        public let samples: [Float]
        public let sampleRate: Int
        /// End time in seconds.
        public var end: Double { start + Double(samples.count) / Double(sampleRate) }
    }

    public let options: Options
    private let frameLength: Int
    private var segment: [Float] = []
    private var segmentStart = 0  // in samples
    private var partialFrame: [Float] = []
    private var frames: [(level: Float, speech: Bool)] = []  // one per whole 10 ms frame of `segment`
    private var speechFrames = 0
    private var silenceRun = 0
    private var history: [Float] = []  // recent frame levels for the noise floor
    private var historyIndex = 0
    private var noiseFloor: Float
    private var framesSinceFloorUpdate = 0

    public init(options: Options = Options()) {
        self.options = options
        frameLength = options.sampleRate / 100
        noiseFloor = options.absoluteFloor
    }

    /// Adds samples; returns the segments completed by them.
    public func process(_ samples: [Float]) -> [Segment] {
        var finished: [Segment] = []
        partialFrame.append(contentsOf: samples)
        var offset = 0
        while partialFrame.count - offset >= frameLength {
            let frame = partialFrame[offset..<(offset + frameLength)]
            offset += frameLength
            segment.append(contentsOf: frame)
            let level = Self.level(frame)
            track(level)
            let speech = level > max(noiseFloor + options.speechMargin, options.absoluteFloor)
            frames.append((level, speech))
            speechFrames += speech ? 1 : 0
            silenceRun = speech ? 0 : silenceRun + 1
            if speechFrames == 0 && frames.count > 50 {
                drop(frames: frames.count - 20)  // no speech yet: keep only 0.2 s of lead-in
            } else if let cut = cutPoint() {
                finished += emit(upToFrame: cut)
            }
        }
        partialFrame.removeFirst(offset)
        return finished
    }

    /// Flushes what remains at the end of the stream.
    public func finish() -> [Segment] {
        segment.append(contentsOf: partialFrame)
        partialFrame = []
        return emit(upToFrame: frames.count, includeTail: true)
    }

    private static func level(_ frame: ArraySlice<Float>) -> Float {
        var energy: Float = 0
        for x in frame { energy += x * x }
        return 10 * log10(energy / Float(frame.count) + 1e-10)
    }

    private func track(_ level: Float) {
        let capacity = 1_000, warmUp = 100
        if history.count < capacity { history.append(level) } else { history[historyIndex] = level }
        historyIndex = (historyIndex + 1) % capacity
        framesSinceFloorUpdate += 1
        // The floor stays at the absolute floor for the first second: a stream that opens with speech would
        // otherwise take its first word for the noise floor and drop it as lead-in.
        if history.count >= warmUp && (framesSinceFloorUpdate >= 50 || history.count == warmUp) {
            framesSinceFloorUpdate = 0
            let sorted = history.sorted()
            noiseFloor = sorted[sorted.count / 10]
        }
    }

    /// The frame to cut at, if the segment should end now.
    private func cutPoint() -> Int? {
        let pauseFrames = Int(options.minimumPause * 100)
        // A pause just reached its minimum length after enough speech: cut in its middle.
        if silenceRun == pauseFrames && speechFrames >= Int(options.minimumSpeech * 100) {
            return frames.count - pauseFrames / 2
        }
        guard Double(frames.count) >= options.maximumLength * 100 else { return nil }
        // Too long: the middle of the longest quiet run in the last third, else its quietest frame.
        let searchStart = frames.count * 2 / 3
        var best = (start: -1, length: 0), runStart = -1
        for i in searchStart..<frames.count {
            if frames[i].speech {
                runStart = -1
                continue
            }
            if runStart < 0 { runStart = i }
            if i - runStart + 1 > best.length { best = (runStart, i - runStart + 1) }
        }
        if best.length > 0 { return best.start + best.length / 2 }
        return (searchStart..<frames.count).min { frames[$0].level < frames[$1].level }! + 1
    }

    private func emit(upToFrame cut: Int, includeTail: Bool = false) -> [Segment] {
        let sampleCount = includeTail ? segment.count : cut * frameLength
        let speech = frames.prefix(cut).filter(\.speech).count
        var result: [Segment] = []
        if Double(speech) >= options.minimumSpeech * 100 {
            result.append(
                Segment(
                    start: Double(segmentStart) / Double(options.sampleRate),
                    samples: Array(segment.prefix(sampleCount)), sampleRate: options.sampleRate))
        }
        drop(frames: min(cut, frames.count), samples: sampleCount)
        return result
    }

    /// Forgets the first `count` frames of the segment (and their samples).
    private func drop(frames count: Int, samples: Int? = nil) {
        let sampleCount = samples ?? count * frameLength
        segment.removeFirst(sampleCount)
        frames.removeFirst(count)
        speechFrames = frames.filter(\.speech).count
        segmentStart += sampleCount
    }
}
