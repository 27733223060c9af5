import Foundation
import Testing

@testable import AudioIO

/// Every kind of bad recording fails with an error that names the file and the problem.
struct BadInputTests {
    private func expectError(_ path: String, matches expected: (AudioIOError) -> Bool) {
        do {
            _ = try AudioDecoder.decodeAll(path: path)
            Issue.record("\(path) decoded without error")
        } catch {
            #expect(expected(error), "unexpected error: \(error)")
            #expect(error.description.hasPrefix(path), "message must start with the path: \(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    private func writeTone(_ path: String, seconds: Double, container: AudioFileWriter.Container) throws {
        let writer = try AudioFileWriter(path: path, sampleRate: 16_000, container: container)
        try writer.write(Signals.sine(frequency: 440, rate: 16_000, seconds: seconds))
        try writer.close()
    }

    /// A path that does not exist.
    @Test func missingFile() {
        expectError("/nonexistent/broadcast.wav") { if case .fileNotFound = $0 { true } else { false } }
    }

    /// A folder where a recording is expected says it is a folder, not that nothing is there.
    @Test func folderIsNotAFile() throws {
        let path = try Signals.temporaryDirectory().path
        expectError(path) { $0 == .notAFile(path: path, kind: "a folder") }
    }

    /// Random bytes named .mp3 (libsndfile probes them as MPEG) are "not audio", not "file does not exist".
    @Test func randomBytesAsMP3() throws {
        let path = try Signals.temporaryDirectory().appendingPathComponent("noise.mp3").path
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<3_000).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        expectError(path) { error in
            if case .notAudio = error { !error.description.contains("does not exist") } else { false }
        }
    }

    /// A zero-byte file.
    @Test func emptyFile() throws {
        let path = try Signals.temporaryDirectory().appendingPathComponent("empty.wav").path
        try (Data()).write(to: URL(fileURLWithPath: path))
        expectError(path) { if case .emptyFile = $0 { true } else { false } }
    }

    /// A text file renamed to .wav.
    @Test func textRenamedAsWav() throws {
        let path = try Signals.temporaryDirectory().appendingPathComponent("notes.wav").path
        try (Data("방송 메모: 삼만 구천 원\n".utf8)).write(to: URL(fileURLWithPath: path))
        expectError(path) { if case .notAudio = $0 { true } else { false } }
    }

    /// A valid WAV header with no frames.
    @Test func zeroLengthStream() throws {
        let path = try Signals.temporaryDirectory().appendingPathComponent("silent.wav").path
        try AudioFileWriter(path: path, sampleRate: 16_000, container: .wav).close()
        expectError(path) { if case .noAudio = $0 { true } else { false } }
    }

    /// A WAV cut off in the middle of its data chunk.
    @Test func truncatedWav() throws {
        let path = try Signals.temporaryDirectory().appendingPathComponent("cut.wav").path
        try writeTone(path, seconds: 2, container: .wav)
        try truncate(path, keeping: 0.5)
        expectError(path) { if case .truncated = $0 { true } else { false } }
    }

    /// A FLAC cut off part-way: the decoder loses sync or runs short of the declared length.
    @Test func truncatedFlac() throws {
        let path = try Signals.temporaryDirectory().appendingPathComponent("cut.flac").path
        try writeTone(path, seconds: 3, container: .flac)
        try truncate(path, keeping: 0.5)
        expectError(path) { if case .truncated = $0 { true } else { false } }
    }

    /// A bundled OGG cut off mid-page.
    @Test func truncatedOgg() throws {
        let source = Signals.samplesFolder.appendingPathComponent("delivery-22k.ogg")
        let path = try Signals.temporaryDirectory().appendingPathComponent("cut.ogg").path
        try FileManager.default.copyItem(atPath: source.path, toPath: path)
        try truncate(path, keeping: 0.6)
        expectError(path) { if case .truncated = $0 { true } else { false } }
    }

    /// An audio type libsndfile does not read (AAC in an M4A container).
    @Test func unsupportedFormat() throws {
        let path = try Signals.temporaryDirectory().appendingPathComponent("clip.m4a").path
        try (Data("\0\0\0\u{18}ftypM4A \0\0\0\0M4A mp42isom".utf8)).write(to: URL(fileURLWithPath: path))
        expectError(path) { if case .unsupportedFormat = $0 { true } else { false } }
    }

    /// A FLAC signature followed by garbage.
    @Test func corruptHeader() throws {
        let path = try Signals.temporaryDirectory().appendingPathComponent("garbage.flac").path
        try (Data("fLaC".utf8) + Data((0..<2_000).map { UInt8($0 % 251) })).write(to: URL(fileURLWithPath: path))
        expectError(path) { error in
            switch error {
            case .malformed, .notAudio, .truncated: true
            default: false
            }
        }
    }

    private func truncate(_ path: String, keeping fraction: Double) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(Int(Double(data.count) * fraction)).write(to: URL(fileURLWithPath: path))
    }
}
