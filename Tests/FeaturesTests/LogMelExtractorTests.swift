import Foundation
import Testing

@testable import Features

/// Framing, streaming and edge handling of the log-mel featurizer.
struct LogMelExtractorTests {
    private func noise(_ count: Int, seed: UInt64 = 1) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2_000) / 10_000
        }
    }

    /// Only whole frames: N samples give 1 + (N − 400) / 160 frames, fewer than 400 give none.
    @Test(arguments: [0, 1, 399, 400, 401, 559, 560, 16_000])
    func frameCount(samples: Int) {
        let frames = LogMelExtractor.compute([Float](repeating: 0.01, count: samples))
        let expected = samples < 400 ? 0 : 1 + (samples - 400) / 160
        #expect(frames.count == expected * 80)
        #expect(FeatureOptions().frameCount(samples: samples) == expected)
    }

    /// Blocks of any size give bit-identical frames to one call on the whole signal.
    @Test func streamingMatchesOneShot() {
        let signal = noise(12_345)
        let whole = LogMelExtractor.compute(signal)
        let extractor = LogMelExtractor()
        var frames: [Float] = []
        var start = 0
        for size in [1, 7, 399, 400, 161, 3_000, 8_000] where start < signal.count {
            let end = min(signal.count, start + size)
            extractor.process(Array(signal[start..<end]), into: &frames)
            start = end
        }
        extractor.process(Array(signal[start...]), into: &frames)
        #expect(frames == whole)
        #expect(extractor.framesEmitted == whole.count / 80)
    }

    /// Digital silence sits exactly at the log floor, ln(1e-10).
    @Test func silenceIsAtTheFloor() {
        let frames = LogMelExtractor.compute([Float](repeating: 0, count: 1_600))
        #expect(frames.allSatisfy { $0 == log(Float(1e-10)) })
    }

    /// A 1 kHz tone puts its energy in the mel bin whose centre is nearest 1 kHz.
    @Test func toneLandsInTheRightBin() {
        let tone = (0..<4_000).map { Float(0.5 * sin(2 * Double.pi * 1_000 * Double($0) / 16_000)) }
        let frame = Array(LogMelExtractor.compute(tone).prefix(80))
        let loudest = frame.indices.max { frame[$0] < frame[$1] }!
        let melMax = MelFilterbank.hzToMel(8_000)
        let centre = MelFilterbank.melToHz(melMax * Double(loudest + 1) / 81)
        #expect(abs(centre - 1_000) < 60, "loudest bin \(loudest) centred at \(centre) Hz")
    }

    /// Frame i's centre is at (160 i + 200) / 16000 seconds.
    @Test func frameCentres() {
        #expect(FeatureOptions().frameCentre(0) == 0.0125)
        #expect(abs(FeatureOptions().frameCentre(100) - 1.0125) < 1e-12)
    }
}
