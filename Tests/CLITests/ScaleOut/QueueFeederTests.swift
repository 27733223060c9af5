import Checkpoints
import Foundation
import JobQueue
import PrivatePostgres
import Testing

/// `watch --queue`: watchers feeding the shared job queue from one inbox, and a worker processing what they fed.
extension ScaleOutTests {
    /// Two watchers over one inbox, a batch dropped at once: each recording is moved to `submitted/<id>/`
    /// and queued exactly once, companions with it; one worker then processes them all.
    @Test func twoWatchersFeedEachRecordingOnce() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        let root = try CLIRunner.temporaryDirectory().path
        let workspace = Workspace(root: root + "/ws")
        let logs = (0..<2).map { root + "/watch-\($0).log" }
        let watchers = try logs.map { log in
            try CLIRunner.start(
                ["watch", "--queue", server.url, "--workspace", workspace.root, "--settle", "0.2"],
                log: URL(fileURLWithPath: log))
        }
        func read(_ log: String) -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        #expect(CLIRunner.wait(timeout: 60) { logs.allSatisfy { read($0).contains("feeding queue") } })

        let count = 12
        let batch = try dropBatch(count, into: workspace, staging: root + "/staging")
        let fed = CLIRunner.wait(timeout: 60) {
            CLIRunner.files(in: workspace.inbox).isEmpty
                && logs.map(read).joined().components(separatedBy: ": queued job ").count > count
        }
        for watcher in watchers { kill(watcher.processIdentifier, SIGTERM) }
        for watcher in watchers { watcher.waitUntilExit() }
        let output = logs.map(read).joined(separator: "\n")
        #expect(fed, "\(output)")
        #expect(watchers.allSatisfy { $0.terminationStatus == 0 }, "\(output)")
        #expect(output.components(separatedBy: ": queued job ").count == count + 1, "each queued once: \(output)")
        #expect(!output.contains("cannot move"), "\(output)")

        let jobs = try await queuedJobs(on: server)
        #expect(jobs.count == count && Set(jobs.map(\.contentHash)) == Set(batch.values), "\(jobs)")
        for job in jobs {
            let folder = "submitted/" + job.contentHash.prefix(16)
            #expect(job.recording.hasPrefix(folder + "/show-") && job.recording.hasSuffix(".wav"), "\(job)")
            let expected = job.recording.hasSuffix("/show-0.wav") ? 3 : 1
            #expect(CLIRunner.files(in: workspace.root + "/" + folder).count == expected, "no second copy: \(job)")
        }
        let withCompanions = try #require(jobs.first { $0.recording.hasSuffix("/show-0.wav") })
        #expect(withCompanions.companions.keys.sorted() == ["keywords", "reference"], "\(withCompanions)")
        for path in withCompanions.companions.values {
            #expect(FileManager.default.fileExists(atPath: workspace.absolutePath(of: path)), "\(path)")
        }

        // The same bytes dropped again: kept beside the first, not queued again; --until-idle exits once fed.
        let again = try #require(jobs.first { $0.recording.hasSuffix("/show-1.wav") })
        try TestClips.wav(seconds: 0.5, variant: 1).write(to: URL(fileURLWithPath: workspace.inbox + "/show-1.wav"))
        let redrop = try CLIRunner.run([
            "watch", "--queue", server.url, "--workspace", workspace.root, "--settle", "0.2", "--until-idle",
        ])
        #expect(redrop.status == 0 && redrop.stderr.contains("already submitted as job \(again.id)"), "\(redrop)")
        let folder = workspace.root + "/submitted/" + again.contentHash.prefix(16)
        #expect(CLIRunner.files(in: folder) == ["show-1.wav", "show-1~2.wav"])
        #expect(try await queuedJobs(on: server).count == count)

        let worker = try CLIRunner.run(worker(server, workspace.root, ["--until-idle"]))
        #expect(worker.status == 0, "\(worker.stderr)")
        let done = try await queuedJobs(on: server)
        #expect(done.allSatisfy { $0.state == .done && $0.attempts == 1 }, "\(done)")
        let status = try CLIRunner.run(["queue", "status", "--queue", server.url])
        #expect(status.stdout == "queued 0, running 0, done \(count), dead 0\n", "\(status)")
        let catalogStatus = try CLIRunner.run(["status", "--workspace", workspace.root])
        #expect(catalogStatus.stdout.contains("\(count) broadcasts in \(workspace.root)"), "\(catalogStatus)")
        let broadcast = try #require(done.first { $0.contentHash == withCompanions.contentHash }?.broadcast)
        let inputs = workspace.root + "/broadcasts/" + broadcast + "/inputs"
        #expect(try String(contentsOfFile: inputs + "/keywords.csv", encoding: .utf8).contains("할인"))
        #expect(FileManager.default.fileExists(atPath: inputs + "/ref.txt"))
    }

    /// Writes `count` half-second recordings (the first with a keyword list and a reference transcript) in
    /// `staging`, then renames them all into the inbox at once, so both watchers see the whole batch together.
    /// Returns each recording's SHA-256 by name.
    private func dropBatch(_ count: Int, into workspace: Workspace, staging: String) throws -> [String: String] {
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace.inbox, withIntermediateDirectories: true)
        var hashes: [String: String] = [:]
        for index in 0..<count {
            let path = staging + "/show-\(index).wav"
            try TestClips.wav(seconds: 0.5, variant: index).write(to: URL(fileURLWithPath: path))
            hashes["show-\(index).wav"] = try FileDigest(path: path).sha256
        }
        try Data("keyword,topic\n할인,가격\n".utf8).write(to: URL(fileURLWithPath: staging + "/show-0.keywords.csv"))
        try Data("오늘 할인 방송입니다\n".utf8).write(to: URL(fileURLWithPath: staging + "/show-0.ref.txt"))
        let names = CLIRunner.files(in: staging)
        // companions first, so a watcher never sees the recording without them
        for name in names.filter({ !$0.hasSuffix(".wav") }) + names.filter({ $0.hasSuffix(".wav") }) {
            guard rename(staging + "/" + name, workspace.inbox + "/" + name) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
        }
        return hashes
    }
}
