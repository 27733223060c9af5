import Foundation
import Testing

@testable import AudioIO

/// Cutting long audio into utterances at pauses.
struct PauseSegmenterTests {
    /// Bursts of a tone `burst` seconds long separated by `gap` seconds of faint noise.
    private func bursts(count: Int, burst: Double, gap: Double) -> [Float] {
        var state: UInt32 = 1
        var signal: [Float] = []
        for _ in 0..<count {
            signal += (0..<Int(gap * 16_000)).map { _ in
                state = state &* 1_664_525 &+ 1_013_904_223
                return Float(Int32(bitPattern: state)) / Float(Int32.max) * 0.0005
            }
            signal += Signals.sine(frequency: 220, rate: 16_000, seconds: burst, amplitude: 0.3)
        }
        return signal + [Float](repeating: 0, count: Int(gap * 16_000))
    }

    private func segment(
        _ signal: [Float], blockSize: Int = 4_000, options: PauseSegmenter.Options = .init()
    )
        -> [PauseSegmenter.Segment]
    {
        let segmenter = PauseSegmenter(options: options)
        var segments: [PauseSegmenter.Segment] = []
        var start = 0
        while start < signal.count {
            segments += segmenter.process(Array(signal[start..<min(signal.count, start + blockSize)]))
            start += blockSize
        }
        return segments + segmenter.finish()
    }

    /// Each burst becomes one segment that contains it, cut inside the pauses on either side.
    @Test func cutsAtPauses() {
        let segments = segment(bursts(count: 4, burst: 2, gap: 0.8))
        #expect(segments.count == 4)
        for (i, s) in segments.enumerated() {
            let burstStart = 0.8 + Double(i) * 2.8, burstEnd = burstStart + 2
            #expect(s.start <= burstStart && s.start >= burstStart - 0.8, "segment \(i) starts at \(s.start)")
            #expect(s.end >= burstEnd && s.end <= burstEnd + 0.8, "segment \(i) ends at \(s.end)")
        }
    }

    /// How the input is split into blocks does not change the segments.
    @Test func blockSizeDoesNotMatter() {
        let signal = bursts(count: 3, burst: 1.5, gap: 0.6)
        let a = segment(signal, blockSize: 160), b = segment(signal, blockSize: 17_777)
        #expect(a.map(\.start) == b.map(\.start))
        #expect(a.map(\.samples.count) == b.map(\.samples.count))
    }

    /// Speech with no pause (a tone modulated like syllables, 4 Hz) is still cut to at most the
    /// maximum length, and nothing is lost.
    @Test func boundsSegmentLength() {
        let signal = Signals.sine(frequency: 300, rate: 16_000, seconds: 50, amplitude: 0.3).enumerated().map {
            $0.element * Float(0.55 + 0.45 * sin(2 * Double.pi * 4 * Double($0.offset) / 16_000))
        }
        let segments = segment(signal)
        #expect(segments.allSatisfy { $0.end - $0.start <= 20.0001 })
        #expect(segments.reduce(0) { $0 + $1.samples.count } == signal.count)
        #expect(zip(segments, segments.dropFirst()).allSatisfy { abs($0.end - $1.start) < 1e-9 })
    }

    /// Silence and faint noise give no segments at all.
    @Test func silenceGivesNothing() {
        #expect(segment([Float](repeating: 0, count: 16_000 * 30)).isEmpty)
        #expect(segment(bursts(count: 0, burst: 0, gap: 10)).isEmpty)
    }

    /// Speech from the very first sample (an isolated utterance) keeps its first word: the opening word is
    /// not taken for the noise floor and dropped as lead-in.
    @Test func keepsSpeechThatOpensTheStream() {
        let word = Signals.sine(frequency: 220, rate: 16_000, seconds: 0.8, amplitude: 0.3)
        let segments = segment(word + bursts(count: 1, burst: 2, gap: 0.8))
        #expect(segments.count == 2)
        #expect(segments.first.map { $0.start == 0 && $0.end >= 0.8 } == true)
    }

    /// A long silence before speech is not carried into the segment (at most 0.5 s of lead-in stays).
    @Test func trimsLeadingSilence() {
        let signal =
            [Float](repeating: 0, count: 16_000 * 10)
            + Signals.sine(frequency: 200, rate: 16_000, seconds: 2, amplitude: 0.3)
        let segments = segment(signal)
        #expect(segments.count == 1)
        #expect(segments.first.map { $0.start >= 9.5 && $0.start <= 10 } == true)
    }
}
