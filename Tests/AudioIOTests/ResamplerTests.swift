import Testing

@testable import AudioIO

/// The resampler's pass band, stop band, streaming and timing.
struct ResamplerTests {
    private func resample(_ input: [Float], from inputRate: Int, to outputRate: Int = 16_000) throws -> [Float] {
        let resampler = try Resampler(inputRate: inputRate, outputRate: outputRate)
        var output: [Float] = []
        resampler.process(input, into: &output)
        resampler.finish(into: &output)
        return output
    }

    /// Tones below 7 kHz (below 0.4375 × the input rate, when that is lower) keep their level within
    /// 0.1 dB from every common rate.
    @Test(arguments: [44_100, 48_000, 22_050, 32_000, 11_025])
    func passBandIsFlat(inputRate: Int) throws {
        for frequency in [100.0, 1_000, 3_000, 5_000, 6_900] where frequency < 0.4375 * Double(min(inputRate, 16_000)) {
            let output = try resample(Signals.sine(frequency: frequency, rate: inputRate, seconds: 1), from: inputRate)
            let gain = Signals.decibels(Signals.amplitude(of: frequency, in: output, rate: 16_000) / 0.5)
            #expect(abs(gain) < 0.1, "\(frequency) Hz from \(inputRate) Hz: \(gain) dB")
        }
    }

    /// Tones at 9 kHz and above are at least 60 dB down after conversion to 16 kHz.
    @Test(arguments: [44_100, 48_000, 22_050, 32_000])
    func stopBandIsAttenuated(inputRate: Int) throws {
        for frequency in [9_000.0, 10_000, 12_000, 15_000, 20_000] where frequency < Double(inputRate) / 2 {
            let output = try resample(Signals.sine(frequency: frequency, rate: inputRate, seconds: 1), from: inputRate)
            let level = Signals.decibels(Signals.rms(output) / (0.5 / 2.0.squareRoot()))
            #expect(level <= -60, "\(frequency) Hz from \(inputRate) Hz leaks at \(level) dB")
        }
    }

    /// Upsampling 8 kHz speech-band tones to 16 kHz keeps them and adds no images above 4 kHz.
    @Test func upsamplingKeepsTonesAndAddsNoImages() throws {
        let output = try resample(Signals.sine(frequency: 1_000, rate: 8_000, seconds: 1), from: 8_000)
        #expect(abs(Signals.decibels(Signals.amplitude(of: 1_000, in: output, rate: 16_000) / 0.5)) < 0.1)
        let image = Signals.amplitude(of: 7_000, in: output, rate: 16_000)
        #expect(Signals.decibels(image / 0.5) < -60)
    }

    /// Feeding blocks of any size gives exactly the samples a single call gives.
    @Test func streamingMatchesOneShot() throws {
        let input = Signals.sine(frequency: 440, rate: 44_100, seconds: 0.7)
        let whole = try resample(input, from: 44_100)
        let resampler = try Resampler(inputRate: 44_100, outputRate: 16_000)
        var pieces: [Float] = []
        var generator = SystemRandomNumberGenerator()
        var start = 0
        while start < input.count {
            let end = min(input.count, start + Int.random(in: 1...5_000, using: &generator))
            resampler.process(Array(input[start..<end]), into: &pieces)
            start = end
        }
        resampler.finish(into: &pieces)
        #expect(pieces == whole)
    }

    /// The output has ceil(n · out / in) samples and equal rates pass samples through untouched.
    @Test func outputLengthAndPassThrough() throws {
        for (rate, count) in [(44_100, 44_101), (48_000, 3), (8_000, 1_001), (22_050, 1)] {
            let output = try resample([Float](repeating: 0.1, count: count), from: rate)
            #expect(output.count == (count * 16_000 + rate - 1) / rate)
        }
        let input = Signals.sine(frequency: 300, rate: 16_000, seconds: 0.1)
        #expect(try resample(input, from: 16_000) == input)
    }

    /// A click at input time t comes out at output time t: the filter adds no delay.
    @Test func impulseKeepsItsTime() throws {
        var input = [Float](repeating: 0, count: 48_000)
        input[24_000] = 1  // 0.5 s at 48 kHz
        let output = try resample(input, from: 48_000)
        let peak = output.indices.max { abs(output[$0]) < abs(output[$1]) }!
        #expect(peak == 8_000)  // 0.5 s at 16 kHz
    }

    /// Nonsensical rates are refused with a clear error.
    @Test func rejectsNonPositiveRates() {
        #expect(throws: AudioIOError.self) { try Resampler(inputRate: 0, outputRate: 16_000) }
    }
}
