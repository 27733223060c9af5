import Catalog
import Checkpoints
import Foundation
import Pipeline
import Testing

/// `align <broadcast>` and `validate --hyp <broadcast>` on a workspace the real binary made.
struct BroadcastCommandTests {
    /// A new workspace holding price-8k.wav run with a keyword list, an event log and a reference.
    private func processed() throws -> (workspace: String, id: String, folder: URL) {
        let folder = try CLIRunner.temporaryDirectory()
        let workspace = folder.path + "/ws"
        for (name, text) in [
            ("k.csv", "keyword,topic\n할인,가격\n"), ("e.csv", "timestamp,event_type\n1,cart\n"), ("ref.txt", "가격 할인"),
        ] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let run = try CLIRunner.run([
            "run", CLIRunner.sample("price-8k.wav"), "--workspace", workspace, "--model", CLIRunner.tinyModel,
            "--keywords", folder.path + "/k.csv", "--events", folder.path + "/e.csv",
            "--reference", folder.path + "/ref.txt", "--json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return (workspace, try #require(summary["broadcast"] as? String), folder)
    }

    /// Re-aligning a broadcast by id (or by its folder) runs mentions and alignment only, with the new list.
    @Test func alignByBroadcastReusesCheckpoints() throws {
        let (workspace, id, folder) = try processed()
        let catalog = try Catalog(path: workspace + "/catalog.sqlite")
        let before = try catalog.stageRuns(broadcast: id).count
        let keywords = folder.appendingPathComponent("new.csv").path
        try Data("keyword,topic\n배송,배송\n".utf8).write(to: URL(fileURLWithPath: keywords))

        let aligned = try CLIRunner.run([
            "align", id, "--keywords", keywords, "--workspace", workspace, "--model", CLIRunner.tinyModel, "--json",
        ])
        #expect(aligned.status == 0, "\(aligned.stderr)")
        #expect(
            aligned.stderr.contains("\(id): mentions.json and alignment.json updated in \(workspace)/broadcasts/\(id)"))
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(aligned.stdout.utf8)) as? [String: Any])?["summary"] != nil)
        let runs = try catalog.stageRuns(broadcast: id).dropFirst(before)
        #expect(
            runs.map(\.stage) == ["mentions", "alignment"] && runs.allSatisfy { $0.status == .done },
            "\(runs.map(\.stage))")
        #expect(
            try String(contentsOfFile: "\(workspace)/broadcasts/\(id)/inputs/keywords.csv", encoding: .utf8).contains(
                "배송"))

        let byFolder = try CLIRunner.run([
            "align", "\(workspace)/broadcasts/\(id)", "--keywords", keywords, "--model", CLIRunner.tinyModel,
        ])
        #expect(byFolder.status == 0, "\(byFolder.stderr)")
        #expect(byFolder.stdout.contains("Broadcast score"))
        #expect(try catalog.stageRuns(broadcast: id).dropFirst(before + 2).map(\.status) == [.reused, .reused])
    }

    /// Unknown broadcasts and file options given with a broadcast are refused in one line that says what to do.
    @Test func alignRefusesBadBroadcastArguments() throws {
        let (workspace, id, folder) = try processed()
        let keywords = folder.path + "/k.csv"
        let unknown = try CLIRunner.run([
            "align", "nope", "--keywords", keywords, "--workspace", workspace, "--model", CLIRunner.tinyModel,
        ])
        #expect(unknown.status != 0)
        #expect(
            unknown.stderr.contains(
                "no broadcast 'nope' in workspace \(workspace); "
                    + "`liveinsight status --workspace \(workspace)` lists them"
            ))
        let mixed = try CLIRunner.run([
            "align", id, "--keywords", keywords, "--events", folder.path + "/e.csv", "--workspace", workspace,
        ])
        #expect(mixed.status != 0 && mixed.stderr.contains("a broadcast's own are reused from its checkpoints"))
        let neither = try CLIRunner.run(["align", "--keywords", keywords])
        #expect(
            neither.status != 0
                && neither.stderr.contains("give a broadcast (an id or its folder), or --transcript and --events"))
        let positive = try CLIRunner.run([
            "align", id, "--keywords", keywords, "--workspace", workspace, "--spotting-threshold", "0.5",
        ])
        #expect(
            positive.status != 0 && positive.stderr.contains("--spotting-threshold 0.5: expected a log score ≤ 0"),
            "\(positive.stderr)")
    }

    /// `validate --hyp <id>` scores the broadcast's checkpointed transcript; an unknown id exits 2 naming the
    /// workspace.
    @Test func validateByBroadcast() throws {
        let (workspace, id, folder) = try processed()
        let validated = try CLIRunner.run([
            "validate", "--ref", folder.path + "/ref.txt", "--hyp", id, "--workspace", workspace, "--json",
        ])
        #expect(validated.status == 0, "\(validated.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(validated.stdout.utf8)) as? [String: Any])
        #expect(report["hypothesis"] as? String == "\(workspace)/broadcasts/\(id)/transcript.json")
        let unknown = try CLIRunner.run([
            "validate", "--ref", folder.path + "/ref.txt", "--hyp", "nope", "--workspace", workspace,
        ])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no such file or broadcast: nope"))
        #expect(unknown.stderr.contains("or one of the broadcasts of workspace \(workspace)"))
    }
}
