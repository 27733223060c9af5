import Foundation
import Testing

/// `liveinsight mentions`: a broadcast's mentions, least certain first, and verdicts given from the command line.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: CLIRunner.shippedModel), "no model in Models/ yet"))
struct MentionsCommandTests {
    /// The listing's rows of `keyword`: (seconds, confidence column).
    private func rows(_ listing: String, _ keyword: String) -> [(seconds: String, confidence: String)] {
        listing.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            .filter { $0.count >= 4 && $0[2] == keyword }.map { ($0[1], $0[3]) }
    }

    /// The folder of the price clip processed with one caption cue saying `captions`, so its mentions are known.
    private func processed(captions: String) throws -> String {
        let folder = try CLIRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("show.srt")
        try "1\n00:00:00,000 --> 00:00:05,000\n\(captions)\n".write(to: file, atomically: true, encoding: .utf8)
        return try GivenTranscriptTests.run(
            ["--transcript", file.path], workspace: folder.appendingPathComponent("ws").path
        )
        .folder
    }

    /// 특가 is a spelling of the demo list's 할인, so the captions' 특가 is a mention of 할인.
    @Test func listsRejectsAndWithdraws() throws {
        let broadcast = try processed(captions: "오늘만 특가 무료 배송")
        let listed = try CLIRunner.run(["mentions", broadcast])
        try #require(listed.status == 0, "\(listed.stderr)")
        let special = try #require(rows(listed.stdout, "할인").first)
        #expect(special.confidence.hasSuffix("%"))

        let rejected = try CLIRunner.run(["mentions", broadcast, "--reject", "할인@\(special.seconds)", "--by", "kim"])
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(rejected.stderr.contains("1 verdict(s) recorded; rerun: mentions"))
        #expect(rejected.stderr.contains("alignment waits (needs the events file)"))
        let after = rejected.stdout.components(separatedBy: "rejected by analysts")
        #expect(after.count == 2 && rows(after[0], "할인").isEmpty)
        #expect(after.last?.contains("할인\trejected by kim") == true)

        let withdrawn = try CLIRunner.run(["mentions", broadcast, "--withdraw", "할인@\(special.seconds)"])
        #expect(withdrawn.status == 0 && rows(withdrawn.stdout, "할인").count == 1)
        #expect(!withdrawn.stdout.contains("rejected by analysts"))
    }

    /// A verdict on no mention fails with the reason; a verdict that is not KEYWORD@SECONDS fails before anything runs.
    @Test func refusesUnknownMentionsAndBadVerdicts() throws {
        let broadcast = try processed(captions: "오늘만 특가")
        let unknown = try CLIRunner.run(["mentions", broadcast, "--reject", "할인@99"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no mention of '할인' at 99.00 s"))
        let malformed = try CLIRunner.run(["mentions", broadcast, "--confirm", "할인"])
        #expect(malformed.status != 0 && malformed.stderr.contains("expected KEYWORD@SECONDS"))
    }
}
