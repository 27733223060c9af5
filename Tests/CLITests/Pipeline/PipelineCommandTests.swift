import Foundation
import Testing

/// `liveinsight run` and `liveinsight status`, run as the real binary.
struct PipelineCommandTests {
    /// `run` processes a recording, says where the outputs are, and reuses everything the second time.
    @Test func runThenRerun() throws {
        let workspace = try CLIRunner.temporaryDirectory().path
        let arguments = [
            "run", CLIRunner.sample("delivery-22k.ogg"), "--workspace", workspace, "--model", CLIRunner.tinyModel,
        ]
        let first = try CLIRunner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("outputs are in \(workspace)/broadcasts/"))
        #expect(first.stdout.contains("transcript   ran"))
        let second = try CLIRunner.run(arguments + ["--json"])
        let summary = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any]
        let stages = summary?["stages"] as? [[String: Any]] ?? []
        // Stages that need a keyword list, events, reviews or a reference wait for them.
        #expect(stages.map { $0["status"] as? String }.filter { $0 != "waiting" } == ["reused", "reused", "reused"])
    }

    /// `status --json` lists each broadcast with its id, name and stages.
    @Test func statusJSON() throws {
        let workspace = try CLIRunner.temporaryDirectory().path
        let run = try CLIRunner.run([
            "run", CLIRunner.sample("price-8k.wav"), "--workspace", workspace, "--model", CLIRunner.tinyModel,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let status = try CLIRunner.run(["status", "--json", "--workspace", workspace])
        let broadcasts = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(broadcasts.count == 1)
        #expect((broadcasts.first?["id"] as? String)?.count == 16)
        #expect(broadcasts.first?["name"] as? String == "price-8k.wav")
        let stages = broadcasts.first?["stages"] as? [[String: Any]] ?? []
        #expect(
            stages.map { $0["name"] as? String }
                == ["decode", "acoustic", "transcript", "validation", "mentions", "alignment", "reviews"])
        #expect(stages.prefix(3).allSatisfy { $0["status"] as? String == "done" }, "\(stages)")
        #expect(stages.dropFirst(3).allSatisfy { $0["status"] as? String != "done" }, "\(stages)")
        let table = try CLIRunner.run(["status", "--workspace", workspace])
        #expect(table.stdout.contains("price-8k.wav") && table.stdout.contains("1 broadcasts"))
    }

    /// Without --workspace, commands use $LIVEINSIGHT_WORKSPACE.
    @Test func workspaceFromEnvironment() throws {
        let workspace = try CLIRunner.temporaryDirectory().path + "/from-env"
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["run", CLIRunner.sample("price-8k.wav"), "--model", CLIRunner.tinyModel]
        process.environment = ProcessInfo.processInfo.environment.merging(["LIVEINSIGHT_WORKSPACE": workspace]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: workspace + "/catalog.sqlite"))
    }

    /// A recording that is not audio fails with one line naming the stage and the file.
    @Test func badRecordingFailsCleanly() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let input = folder.appendingPathComponent("notes.wav")
        try Data("not audio".utf8).write(to: input)
        let result = try CLIRunner.run([
            "run", input.path, "--workspace", folder.path + "/ws", "--model", CLIRunner.tinyModel,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Error: stage decode of broadcast"))
        #expect(result.stderr.contains("notes.wav: not an audio file"))
    }

    /// The pipeline commands answer --help.
    @Test(arguments: ["run", "status", "watch"])
    func helpWorks(command: String) throws {
        let result = try CLIRunner.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE") && result.stdout.contains("workspace"))
    }
}
