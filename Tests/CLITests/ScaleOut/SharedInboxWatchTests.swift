import Catalog
import Checkpoints
import Foundation
import PrivatePostgres
import Testing

/// `liveinsight watch --catalog postgresql://…` on two machines that mount one shared workspace at different paths
/// (`TwoMachines`): both run the pipeline on one inbox.
@Suite(.serialized, .needsPostgres)
struct SharedInboxWatchTests {
    /// Eight recordings and two duplicates of them in the shared inbox, watched from both machines: each file has
    /// one job, named relative to the workspace, that ends done; each recording's stages ran once; every file lies
    /// in processed/ once, and each broadcast's recording path leads there from either machine.
    @Test func watchersOnTwoMachinesProcessEachRecordingOnce() throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        let machines = try TwoMachines(in: try CLIRunner.temporaryDirectory().path)
        defer { machines.unmount() }
        let inbox = machines.workspace.inbox
        let (good, duplicates) = ((0..<8).map { "show-\($0).wav" }, ["again-0.wav", "again-3.wav"])
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for (index, name) in good.enumerated() {
            try TestClips.wav(seconds: 0.5, variant: 40 + index).write(to: URL(fileURLWithPath: inbox + "/" + name))
        }
        for name in duplicates {
            let original = "show-" + name.dropFirst("again-".count)
            try FileManager.default.copyItem(atPath: inbox + "/" + original, toPath: inbox + "/" + name)
        }

        let watchers = try [machines.a, machines.b].enumerated().map { index, machine in
            try CLIRunner.start(
                [
                    "watch", "--workspace", machine + "/ws", "--catalog", server.url, "--model", CLIRunner.tinyModel,
                    "--threads", "1", "--jobs", "1", "--settle", "0.3", "--until-idle",
                ], log: URL(fileURLWithPath: machines.root + "/watch-\(index).log"))
        }
        let idle = CLIRunner.wait(timeout: 120) { !watchers.contains(where: \.isRunning) }
        for watcher in watchers where watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) }
        for watcher in watchers { watcher.waitUntilExit() }
        let logs = (0..<2).map {
            (try? String(contentsOfFile: machines.root + "/watch-\($0).log", encoding: .utf8)) ?? ""
        }
        #expect(idle && watchers.allSatisfy { $0.terminationStatus == 0 }, "\(logs)")

        let workspace = machines.workspace
        #expect(CLIRunner.files(in: workspace.inbox).isEmpty)
        #expect(CLIRunner.files(in: workspace.processed) == (good + duplicates).sorted(), "each moved once")
        let catalog = try Catalog(try CatalogLocation(server.url))
        let jobs = try catalog.jobs()
        #expect(jobs.map(\.file).sorted() == (good + duplicates).map { "inbox/" + $0 }.sorted(), "one job per file")
        #expect(jobs.allSatisfy { $0.status == .done && $0.attempts == 1 }, "none cancelled or taken twice: \(jobs)")
        #expect(jobs.filter { $0.outcome == "duplicate" }.count == duplicates.count)
        #expect(Set(jobs.compactMap(\.claimedPid)) == Set(watchers.map(\.processIdentifier)), "both machines worked")
        let done = try catalog.stageRuns().filter { $0.status == .done }
        let broadcasts = try catalog.broadcasts()
        #expect(broadcasts.count == good.count)
        for broadcast in broadcasts {
            let stages = done.filter { $0.broadcastId == broadcast.id }.map(\.stage).sorted()
            #expect(stages == ["acoustic", "decode", "transcript"], "\(broadcast.name) ran \(stages)")
            #expect(broadcast.sourcePath.hasPrefix("processed/"), "\(broadcast.sourcePath)")
            for machine in [machines.a, machines.b] {
                let recording = Workspace(root: machine + "/ws").absolutePath(of: broadcast.sourcePath)
                #expect(FileManager.default.fileExists(atPath: recording), "\(recording)")
            }
        }
    }
}
