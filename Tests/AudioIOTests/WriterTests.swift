import Foundation
import Testing

@testable import AudioIO

/// Writing audio: round trips and atomic appearance.
struct WriterTests {
    /// A FLAC written and read back holds the same samples within 16-bit quantisation.
    @Test func flacRoundTrip() throws {
        let path = try Signals.temporaryDirectory().appendingPathComponent("tone.flac").path
        let tone = Signals.sine(frequency: 1_000, rate: 16_000, seconds: 0.25)
        let writer = try AudioFileWriter(path: path, sampleRate: 16_000, container: .flac)
        try writer.write(tone)
        try writer.close()
        let back = try AudioDecoder.decodeAll(path: path)
        #expect(back.count == tone.count)
        #expect(zip(back, tone).map { abs($0 - $1) }.max()! < 1.0 / 16_384)
    }

    /// Nothing appears at the destination until `close()`, and an abandoned writer leaves nothing.
    @Test func nothingVisibleBeforeClose() throws {
        let folder = try Signals.temporaryDirectory()
        let path = folder.appendingPathComponent("pending.wav").path
        do {
            let writer = try AudioFileWriter(path: path, sampleRate: 16_000, container: .wav)
            try writer.write([0.1, 0.2, 0.3])
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// Samples beyond full scale are clipped, not refused or wrapped.
@Test func writerClipsOverload() throws {
    let path = try Signals.temporaryDirectory().appendingPathComponent("loud.flac").path
    let writer = try AudioFileWriter(path: path, sampleRate: 16_000, container: .flac)
    try writer.write([1.5, -2, 0.5, 1.0001] + [Float](repeating: 0.2, count: 100_000))
    try writer.close()
    let back = try AudioDecoder.decodeAll(path: path)
    #expect(back.count == 100_004)
    #expect(back[0] > 0.99 && back[1] < -0.99 && abs(back[2] - 0.5) < 1e-3)
}
