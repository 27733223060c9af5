import Foundation

extension CLIRunner {
    /// The seeded random model: fast, and the pipeline's behaviour does not depend on its accuracy.
    static let tinyModel = repository.appendingPathComponent("Training/fixtures/tiny-model.safetensors").path

    /// The shipped model: slow enough on minutes of audio that a test can stop a watcher mid-stage.
    static let shippedModel = repository.appendingPathComponent("Models/ko-ctc-small.safetensors").path

    /// Starts the binary without waiting for it; stdout and stderr go to `log` (read it after it exits), or stderr
    /// to `errors` when given.
    static func start(_ arguments: [String], log: URL, errors: URL? = nil) throws -> Process {
        try Data().write(to: log)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = output
        if let errors {
            try Data().write(to: errors)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = output
        }
        try process.run()
        return process
    }

    /// Waits until `condition` holds, checking every 50 ms; false after `timeout` seconds.
    static func wait(timeout: TimeInterval, until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }

    /// Names of the regular files in `folder` (empty if it does not exist).
    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}

/// Recordings for the pipeline tests, cut from the committed 1.9 s clip (16 kHz mono PCM16 WAV): each
/// variant nudges one sample, so its content hash differs while it stays valid audio.
enum TestClips {
    private static let source = try! Data(
        contentsOf: CLIRunner.repository.appendingPathComponent("Training/fixtures/clip-ko-2s.wav"))
    private static let headerBytes = 44

    /// The clip's first `seconds` (looped when longer than the clip) as a WAV file, with sample
    /// `variant` + 1 nudged by one step.
    static func wav(seconds: Double, variant: Int) -> Data {
        let clip = [UInt8](source.dropFirst(headerBytes))
        let count = Int(seconds * 16_000) * 2
        var samples = (0..<count).map { clip[$0 % clip.count] }
        let index = 2 * (variant + 1) % samples.count
        samples[index] = samples[index] &+ 1
        return header(dataBytes: samples.count) + Data(samples)
    }

    /// A WAV whose header promises twice the audio the file holds.
    static func truncated(variant: Int) -> Data {
        let whole = wav(seconds: 0.5, variant: variant)
        return header(dataBytes: 2 * (whole.count - headerBytes)) + whole.dropFirst(headerBytes)
    }

    /// A canonical 44-byte PCM16 mono 16 kHz header for `dataBytes` of samples.
    private static func header(dataBytes: Int) -> Data {
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let fmt: [UInt8] = [1, 0, 1, 0] + le32(16_000) + le32(32_000) + [2, 0, 16, 0]
        return Data(
            Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVEfmt ".utf8) + le32(16) + fmt
                + Array("data".utf8) + le32(dataBytes))
    }
}
