import Foundation
import Testing

/// `liveinsight transcribe`, run as the real binary with the seeded tiny model.
struct TranscribeCommandTests {
    /// Without --model, the shipped models are found beside the binary from any current folder (not only
    /// the checkout's): transcription and review analysis both work from a temporary folder.
    @Test func findsModelsFromAnyFolder() throws {
        let elsewhere = try CLIRunner.temporaryDirectory()
        let transcribe = try CLIRunner.run(
            ["transcribe", CLIRunner.sample("price-8k.wav"), "--format", "json"], in: elsewhere)
        #expect(transcribe.status == 0, "\(transcribe.stderr)")
        let reviews = try CLIRunner.run(["reviews", CLIRunner.sample("demo.reviews.csv")], in: elsewhere)
        #expect(reviews.status == 0, "\(reviews.stderr)")
    }

    /// JSON output has segments → words with start, end and confidence.
    @Test func jsonHasWordTimes() throws {
        let result = try CLIRunner.run([
            "transcribe", CLIRunner.sample("delivery-22k.ogg"), "--model", CLIRunner.tinyModel,
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let segments = try #require(object["segments"] as? [[String: Any]])
        let words = try #require(segments.first?["words"] as? [[String: Any]])
        #expect(words.allSatisfy { $0["start"] is Double && $0["end"] is Double && $0["confidence"] is Double })
    }

    /// --out writes the file and --format vtt produces WebVTT; hotwords load from a file.
    @Test func vttToFileWithHotwords() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let keywords = folder.appendingPathComponent("keywords.csv")
        try Data("keyword,topic\n할인,가격\n배송,배송\n".utf8).write(to: keywords)
        let out = folder.appendingPathComponent("clip.vtt")
        let result = try CLIRunner.run([
            "transcribe", CLIRunner.sample("price-8k.wav"), "--model", CLIRunner.tinyModel,
            "--format", "vtt", "--hotwords", keywords.path, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("WEBVTT"))
    }

    /// A missing model file, a corrupt model and a missing hotword file each fail with one line.
    @Test func badModelAndHotwords() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let corrupt = folder.appendingPathComponent("model.safetensors")
        try Data("not a model".utf8).write(to: corrupt)
        for arguments in [
            ["--model", "/nonexistent/model.safetensors"], ["--model", corrupt.path],
            ["--model", CLIRunner.tinyModel, "--hotwords", "/nonexistent/k.txt"],
        ] {
            let result = try CLIRunner.run(["transcribe", CLIRunner.sample("price-8k.wav")] + arguments)
            #expect(result.status != 0)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }

    /// An unknown format is refused before any work.
    @Test func unknownFormat() throws {
        let result = try CLIRunner.run(["transcribe", CLIRunner.sample("price-8k.wav"), "--format", "docx"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("docx"))
    }

    /// The language model beside the acoustic model is used unless --no-lm; one built for other units, a
    /// file that is no language model, and --lm with --no-lm are refused in one line.
    @Test func languageModelChoices() throws {
        let clip = CLIRunner.sample("price-8k.wav")
        for extra in [
            [], ["--no-lm"],
            ["--lm", CLIRunner.repository.appendingPathComponent("Training/fixtures/tiny-model.lm.safetensors").path],
        ] {
            let result = try CLIRunner.run(["transcribe", clip, "--model", CLIRunner.tinyModel] + extra)
            #expect(result.status == 0, "\(extra): \(result.stderr)")
        }
        let shipped = CLIRunner.repository.appendingPathComponent("Models/ko-ctc-small.lm.safetensors").path
        let otherUnits = try CLIRunner.run(["transcribe", clip, "--model", CLIRunner.tinyModel, "--lm", shipped])
        #expect(
            otherUnits.status != 0
                && otherUnits.stderr.contains("built for 69 other units than the acoustic model's 47"),
            "\(otherUnits.stderr)")
        let notLanguageModel = try CLIRunner.run([
            "transcribe", clip, "--model", CLIRunner.tinyModel, "--lm", CLIRunner.tinyModel,
        ])
        #expect(
            notLanguageModel.status != 0 && notLanguageModel.stderr.contains("expected 'liveinsight-ngram'"),
            "\(notLanguageModel.stderr)")
        #expect(notLanguageModel.stderr.split(separator: "\n").count == 1)
        let both = try CLIRunner.run(["transcribe", clip, "--model", CLIRunner.tinyModel, "--lm", shipped, "--no-lm"])
        #expect(both.status != 0 && both.stderr.contains("--lm and --no-lm exclude each other"))
    }
}
