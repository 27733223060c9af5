import Foundation
import Testing

@testable import AudioIO

/// Decoding the bundled clips: every container, rate and channel layout.
struct DecodingTests {
    /// (file, rate, channels, container word) of each clip in AudioSamples/.
    static let clips: [(String, Int, Int, String)] = [
        ("greeting-44k-stereo.flac", 44_100, 2, "FLAC"),
        ("price-8k.wav", 8_000, 1, "WAV"),
        ("delivery-22k.ogg", 22_050, 1, "OGG"),
        ("size-48k.mp3", 48_000, 1, "MPEG"),
        ("quality-48k.opus", 48_000, 1, "OGG"),
    ]

    /// The header is read correctly and decoding yields ceil(frames · 16000 / rate) samples of speech.
    @Test(arguments: clips)
    func decodesClip(file: String, rate: Int, channels: Int, container: String) throws {
        let path = Signals.samplesFolder.appendingPathComponent(file).path
        let info = try AudioFileReader(path: path).info
        #expect(info.sampleRate == rate)
        #expect(info.channels == channels)
        #expect(info.container.contains(container))
        #expect(info.duration > 3 && info.duration < 7)

        let samples = try AudioDecoder.decodeAll(path: path)
        #expect(samples.count == Int((info.frames * 16_000 + Int64(rate) - 1) / Int64(rate)))
        let peak = samples.map(abs).max() ?? 0
        #expect(peak > 0.05 && peak <= 1.05, "peak \(peak)")
    }

    /// Stereo is averaged: a file with a loud left and silent right channel decodes at half level.
    @Test func downmixAveragesChannels() throws {
        let folder = try Signals.temporaryDirectory()
        let path = folder.appendingPathComponent("stereo.wav").path
        let writer = try AudioFileWriter(path: path, sampleRate: 16_000, channels: 2, container: .wav)
        let tone = Signals.sine(frequency: 500, rate: 16_000, seconds: 0.5, amplitude: 0.8)
        try writer.write(tone.flatMap { [$0, 0] })
        try writer.close()
        let mono = try AudioDecoder.decodeAll(path: path)
        #expect(abs(Signals.amplitude(of: 500, in: mono, rate: 16_000) - 0.4) < 0.001)
    }

    /// Blocks from the decoder concatenate to the same signal whatever the block size.
    @Test func blockSizeDoesNotChangeOutput() throws {
        let path = Signals.samplesFolder.appendingPathComponent("greeting-44k-stereo.flac").path
        func decode(blockFrames: Int) throws -> [Float] {
            let decoder = try AudioDecoder(path: path, blockFrames: blockFrames)
            var all: [Float] = []
            while let block = try decoder.nextBlock() { all += block }
            return all
        }
        #expect(try decode(blockFrames: 777) == decode(blockFrames: 65_536))
    }
}
