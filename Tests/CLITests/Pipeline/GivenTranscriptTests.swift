import Foundation
import Testing

/// `liveinsight run --transcript` and `--script` on a real clip with the shipped model: caption words in the
/// transcript and its mentions, reruns when the caption file changes, and a script replacing the captions.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: CLIRunner.shippedModel), "no model in Models/ yet"))
struct GivenTranscriptTests {
    /// The words of a broadcast's transcript.json (text, origin or "-" for none, end) and its duration.
    static func transcript(
        in folder: String
    ) throws -> (
        words: [(text: String, origin: String, end: Double)],
        duration: Double
    ) {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/transcript.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let segments = try #require(object["segments"] as? [[String: Any]])
        let words = segments.flatMap { ($0["words"] as? [[String: Any]]) ?? [] }.map {
            (($0["text"] as? String) ?? "", ($0["origin"] as? String) ?? "-", ($0["end"] as? Double) ?? .infinity)
        }
        return (words, try #require(object["duration"] as? Double))
    }

    /// The words of a broadcast's transcript.json: text and origin ("-" for none).
    static func words(in folder: String) throws -> [(text: String, origin: String)] {
        try transcript(in: folder).words.map { ($0.text, $0.origin) }
    }

    /// Runs the pipeline on the price clip with `extra` arguments and returns the summary's stage → status.
    static func run(_ extra: [String], workspace: String) throws -> (folder: String, statuses: [String: String]) {
        let result = try CLIRunner.run(
            [
                "run", CLIRunner.sample("price-8k.wav"), "--workspace", workspace,
                "--keywords", CLIRunner.sample("demo-broadcast.keywords.csv"),
                "--model", CLIRunner.shippedModel, "--no-lm", "--json",
            ] + extra)
        try #require(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let stages = try #require(summary["stages"] as? [[String: Any]])
        let statuses = Dictionary(
            uniqueKeysWithValues: stages.map {
                ($0["stage"] as? String ?? "", $0["status"] as? String ?? "")
            })
        return (try #require(summary["folder"] as? String), statuses)
    }

    @Test func captionsReplaceRecognitionAndChangesRerunTheTranscript() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let workspace = folder.appendingPathComponent("ws").path
        let captions = folder.appendingPathComponent("show.srt")
        // The first cue runs past the clip's end, the second starts after it.
        let caption =
            "1\n00:00:00,000 --> 00:00:09,000\n오늘만 특가 39,000원에 무료 배송까지 해 드려요!\n\n"
            + "2\n00:00:30,000 --> 00:00:32,000\n감사합니다\n"
        try caption.write(to: captions, atomically: true, encoding: .utf8)

        let first = try Self.run(["--transcript", captions.path], workspace: workspace)
        let (words, duration) = try Self.transcript(in: first.folder)
        #expect(words.map(\.text) == ["오늘만", "특가", "삼만", "구천", "원에", "무료", "배송까지", "해", "드려요"])
        #expect(words.allSatisfy { $0.origin == "caption" && $0.end <= duration })
        let mentions = try String(contentsOfFile: first.folder + "/mentions.json", encoding: .utf8)
        #expect(mentions.contains("\"무료 배송\""), "\(mentions)")

        try "1\n00:00:00,000 --> 00:00:05,000\n오늘만 특가 무료 배송\n"
            .write(to: captions, atomically: true, encoding: .utf8)
        let changed = try Self.run(["--transcript", captions.path], workspace: workspace)
        #expect(changed.statuses["acoustic"] == "reused")
        #expect(changed.statuses["transcript"] == "ran")
        #expect(try Self.words(in: changed.folder).map(\.text) == ["오늘만", "특가", "무료", "배송"])

        let script = folder.appendingPathComponent("cue-sheet.txt")
        try "오늘만 특가 삼만 구천 원에 무료 배송까지 해 드려요\n이 줄은 방송에서 말하지 않았습니다\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let scripted = try Self.run(["--script", script.path], workspace: workspace)
        #expect(scripted.statuses["transcript"] == "ran")
        #expect(!FileManager.default.fileExists(atPath: scripted.folder + "/inputs/transcript.txt"))
        let scriptWords = try Self.words(in: scripted.folder)
        #expect(scriptWords.contains { $0.origin == "script" })
        #expect(!scriptWords.contains { $0.text == "말하지" })
    }

    /// Captions and a cue sheet at once are refused before anything runs.
    @Test func transcriptAndScriptExcludeEachOther() throws {
        let result = try CLIRunner.run([
            "run", CLIRunner.sample("price-8k.wav"), "--transcript", "a.srt",
            "--script", "b.txt",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--transcript and --script exclude each other"), "\(result.stderr)")
    }
}
