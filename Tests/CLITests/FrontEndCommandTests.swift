import Foundation
import Testing

/// `liveinsight info` and `liveinsight features`, run as the real binary.
struct FrontEndCommandTests {
    /// `info` reports rate, channels, duration and format.
    @Test func infoDescribesTheFile() throws {
        let result = try CLIRunner.run(["info", CLIRunner.sample("greeting-44k-stereo.flac")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("44100 Hz"))
        #expect(result.stdout.contains("channels:  2"))
        #expect(result.stdout.contains("FLAC"))
    }

    /// Random bytes named .mp3: one error line, without libmpg123's "Note:" lines and without the false
    /// "file does not exist"; a folder is called a folder.
    @Test func badInputsGetOneTrueLine() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let noise = folder.appendingPathComponent("noise.mp3")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        try Data(
            (0..<3_000).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
        ).write(to: noise)
        let result = try CLIRunner.run(["info", noise.path])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("Note:"), "\(result.stderr)")
        #expect(
            result.stderr.contains("noise.mp3: not an audio file") && !result.stderr.contains("does not exist"),
            "\(result.stderr)")
        let folderResult = try CLIRunner.run(["info", folder.path])
        #expect(
            folderResult.stderr.contains("\(folder.path): it is a folder, not an audio file"), "\(folderResult.stderr)")
    }

    /// `info --json` is machine-readable.
    @Test func infoJSON() throws {
        let result = try CLIRunner.run(["info", "--json", CLIRunner.sample("price-8k.wav")])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["sampleRate"] as? Int == 8_000)
        #expect(object?["channels"] as? Int == 1)
        #expect((object?["duration"] as? Double ?? 0) > 4)
    }

    /// `features --out` writes an .npy matrix of 80 columns with the expected frame count.
    @Test func featuresWritesNpy() throws {
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("f.npy")
        let result = try CLIRunner.run(["features", CLIRunner.sample("delivery-22k.ogg"), "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: out)
        let header = String(decoding: data.prefix(128), as: UTF8.self)
        // 95,143 frames at 22.05 kHz → 69,039 samples at 16 kHz → 1 + (69,039 − 400) / 160 = 429 frames.
        #expect(header.contains("'shape': (429, 80)"))
        #expect(data.count == 128 + 429 * 80 * 4)
    }

    /// Without --out, `features` prints a summary.
    @Test func featuresSummary() throws {
        let result = try CLIRunner.run(["features", CLIRunner.sample("size-48k.mp3")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("frames × 80 mel bins"))
    }

    /// Every command answers --help.
    @Test(arguments: [[], ["info"], ["features"]])
    func helpWorks(command: [String]) throws {
        let result = try CLIRunner.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }

    /// Bad input: a one-line error naming the file, a non-zero exit and no output file.
    @Test(arguments: ["missing.wav", "empty.wav", "text.wav", "cut.wav", "clip.m4a"])
    func badInputFailsCleanly(name: String) throws {
        let folder = try CLIRunner.temporaryDirectory()
        let input = folder.appendingPathComponent(name)
        switch name {
        case "empty.wav": try (Data()).write(to: input)
        case "text.wav": try (Data("not audio".utf8)).write(to: input)
        case "cut.wav":
            let whole = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.sample("price-8k.wav")))
            try whole.prefix(whole.count / 2).write(to: input)
        case "clip.m4a": try (Data("\0\0\0\u{18}ftypM4A ".utf8)).write(to: input)
        default: break
        }
        let out = folder.appendingPathComponent("out.npy")
        let result = try CLIRunner.run(["features", input.path, "--out", out.path])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
        #expect(result.stderr.contains(input.path))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("out") }
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
