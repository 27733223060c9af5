import Foundation
import Testing

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// One watched folder shared by watchers on several machines, each mounting the workspace at its own path: the
/// catalog's inbox jobs and recording paths hold for every machine, and one machine never takes another's live job.
struct SharedInboxTests {
    /// Machine A's view of a new workspace holding `names` in its inbox, and machine B's view of the same folder
    /// through another path (a symbolic link standing in for a second mount point).
    private func sharedInbox(_ names: [String]) throws -> (a: Workspace, b: Workspace) {
        let a = Workspace(root: try Fixtures.scratchFolder())
        try a.create()
        for name in names { try Fixtures.write(Data(name.utf8), to: a.inbox + "/" + name) }
        let b = try Fixtures.scratchFolder() + "/machine-b"
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a.root)
        return (a, Workspace(root: b))
    }

    /// A job names its file relative to the workspace: both machines queue one file as one job, and each opens
    /// it through its own mount.
    @Test(arguments: CatalogEngine.available) func jobsNameInboxFilesRelativeToTheWorkspace(
        engine: CatalogEngine
    ) throws {
        let scratch = try ScratchCatalog(engine)
        let catalog = scratch.catalog
        let (a, b) = try sharedInbox(["show.wav"])
        #expect(try catalog.enqueue(files: [a.inbox + "/show.wav"], in: a) == 1)
        #expect(try catalog.enqueue(files: [b.inbox + "/show.wav"], in: b) == 0, "the same live job")
        let job = try #require(try catalog.claimNextJob(owner: JobOwner(host: "machine-b", pid: 1)))
        #expect(job.file == "inbox/show.wav")
        #expect(b.absolutePath(of: job.file) == b.root + "/inbox/show.wav")
        #expect(FileDigest.size(of: b.absolutePath(of: job.file)) != nil)
    }

    /// A live job of an earlier version names its file by the absolute path: it still covers the file, and its
    /// path still resolves to itself.
    @Test(arguments: CatalogEngine.available) func absoluteJobsOfEarlierVersionsStillCount(
        engine: CatalogEngine
    ) throws {
        let scratch = try ScratchCatalog(engine)
        let catalog = scratch.catalog
        let (a, _) = try sharedInbox(["show.wav"])
        let file = a.inbox + "/show.wav"
        // Queued as if the workspace were elsewhere: the row keeps the absolute path, as earlier versions wrote it.
        #expect(try catalog.enqueue(files: [file], in: Workspace(root: "/elsewhere")) == 1)
        #expect(try catalog.enqueue(files: [file], in: a) == 0, "covered by the earlier live job")
        let job = try #require(try catalog.claimNextJob(owner: JobOwner(host: "machine-a", pid: 1)))
        #expect(job.file == file && a.absolutePath(of: job.file) == file)
        try catalog.failJob(try #require(job.id), error: "test")
        #expect(try catalog.enqueue(files: [file], in: a) == 1, "once it is over, queued again by its relative path")
        #expect(try catalog.jobs().map(\.file) == [file, "inbox/show.wav"])
    }

    /// A job that a watcher on machine A holds and keeps alive with heartbeats is neither reclaimed nor claimed
    /// by a watcher on machine B, though A's process id means nothing there; once A falls silent for longer than
    /// the heartbeat timeout, B takes it again.
    @Test(arguments: CatalogEngine.available) func anotherMachinesLiveJobIsNotTaken(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let machineA = scratch.catalog
        let machineB = try scratch.reopened()
        let (a, _) = try sharedInbox(["show.wav"])
        try machineA.enqueue(files: [a.inbox + "/show.wav"], in: a)
        let (ownerA, ownerB) = (JobOwner(host: "machine-a", pid: 4242), JobOwner(host: "machine-b", pid: 4242))
        let start = Date()
        let held = try #require(try machineA.claimNextJob(owner: ownerA, now: start))
        func reclaimOnB(after seconds: TimeInterval) throws -> [JobRecord] {
            try machineB.reclaimStaleJobs(
                host: ownerB.host, staleAfter: 60, isAlive: { _ in false }, now: start.addingTimeInterval(seconds))
        }
        #expect(try reclaimOnB(after: 30).isEmpty, "A's pid is no process on B, yet A's job is not B's to judge")
        #expect(try machineB.claimNextJob(owner: ownerB, now: start.addingTimeInterval(30)) == nil)
        try machineA.heartbeat(owner: ownerA, now: start.addingTimeInterval(50))
        #expect(try reclaimOnB(after: 100).isEmpty, "A's heartbeat at 50 s keeps it until 110 s")
        let running = try #require(try machineB.jobs().first)
        #expect(running.status == .running && running.claimedHost == "machine-a" && running.attempts == 1)
        #expect(try reclaimOnB(after: 111).map(\.id) == [held.id])
        let taken = try #require(try machineB.claimNextJob(owner: ownerB, now: start.addingTimeInterval(111)))
        #expect(taken.id == held.id && taken.claimedHost == "machine-b" && taken.attempts == 2)
    }

    /// A job taken again from a watcher whose heartbeat had lapsed, which then finished it after all, stays done
    /// when the watcher that took it again finds its file gone and cancels or fails it.
    @Test(arguments: CatalogEngine.available) func aFinishedJobIsNotUndoneByItsNextHolder(
        engine: CatalogEngine
    ) throws {
        let scratch = try ScratchCatalog(engine)
        let (machineA, machineB) = (scratch.catalog, try scratch.reopened())
        let (a, _) = try sharedInbox(["show.wav"])
        try machineA.enqueue(files: [a.inbox + "/show.wav"], in: a)
        let start = try machineA.currentTime()
        let first = try #require(try machineA.claimNextJob(owner: JobOwner(host: "machine-a", pid: 1), now: start))
        let later = start.addingTimeInterval(120)
        #expect(try machineB.reclaimStaleJobs(host: "machine-b", staleAfter: 60, now: later).count == 1)
        let id = try #require(try machineB.claimNextJob(owner: JobOwner(host: "machine-b", pid: 2), now: later)?.id)
        #expect(id == first.id)
        try machineA.recordBroadcast(id: "b1", name: "show.wav", sourcePath: "processed/show.wav", bytes: 1)
        try machineA.finishJob(id, broadcast: "b1", outcome: "processed")
        try machineB.cancelJob(id, reason: "the file left the inbox before it was processed")
        try machineB.failJob(id, error: "it left the folder while it was being moved")
        let job = try #require(try machineB.jobs().first)
        #expect(job.status == .done && job.outcome == "processed" && job.error == nil, "\(job)")
    }

    /// Claims and heartbeats are stamped by the catalog's clock, which every connection reads alike: the
    /// database server's for PostgreSQL (read back in UTC), this machine's for SQLite.
    @Test(arguments: CatalogEngine.available) func jobsAreStampedByTheCatalogsClock(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let (machineA, machineB) = (scratch.catalog, try scratch.reopened())
        let (a, _) = try sharedInbox(["show.wav"])
        try machineA.enqueue(files: [a.inbox + "/show.wav"], in: a)
        let before = try machineA.currentTime()
        #expect(abs(before.timeIntervalSinceNow) < 5, "\(before) is not now")
        let job = try #require(try machineA.claimNextJob(owner: JobOwner(host: "machine-a", pid: 1)))
        let after = try machineB.currentTime()
        let heartbeat = try #require(job.heartbeat)
        /// Whether `time` lies between `start` and `end`, give or take the millisecond to which SQLite rounds times.
        func between(_ start: Date, _ time: Date, _ end: Date) -> Bool {
            start.addingTimeInterval(-0.001) <= time && time <= end.addingTimeInterval(0.001)
        }
        #expect(between(before, heartbeat, after), "\(before), \(heartbeat), \(after)")
        try machineA.heartbeat(owner: JobOwner(host: "machine-a", pid: 1))
        let renewed = try #require(try machineB.jobs().first?.heartbeat)
        let latest = try machineB.currentTime()
        #expect(between(after, renewed, latest), "\(after), \(renewed), \(latest)")
        #expect(try machineB.reclaimStaleJobs(host: "machine-b", staleAfter: 60, isAlive: { _ in false }).isEmpty)
    }

    /// The watcher points the catalog's recording path at the file's new place in processed/, relative to the
    /// workspace, also for a duplicate whose every stage is reused.
    @Test(arguments: CatalogEngine.available) func recordingPathsFollowTheFileToProcessed(
        engine: CatalogEngine
    ) throws {
        let scratch = try ScratchCatalog(engine)
        let workspace = Workspace(root: try Fixtures.scratchFolder())
        let runner = PipelineRunner(
            workspace: workspace, catalog: scratch.catalog, graph: try StageGraph.standard(),
            settings: PipelineSettings(), models: Fixtures.tinyModels, toolVersion: "test")
        var options = WatchOptions()
        (options.polling, options.exitWhenIdle, options.settle, options.jobs) = (true, true, 0.1, 1)
        func watch(dropping name: String) throws -> BroadcastRecord? {
            try workspace.create()
            try FileManager.default.copyItem(atPath: Fixtures.clip, toPath: workspace.inbox + "/" + name)
            try WatchDaemon(runner: runner, options: options, log: { _ in }).run()
            return try scratch.catalog.broadcasts().first
        }
        let first = try #require(try watch(dropping: "show.wav"))
        #expect(first.sourcePath == "processed/show.wav")
        let again = try #require(try watch(dropping: "again.wav"))
        #expect(again.id == first.id)
        #expect(again.sourcePath == "processed/again.wav", "not the inbox path the duplicate's run recorded")
        #expect(FileDigest.size(of: workspace.absolutePath(of: again.sourcePath)) != nil)
        let jobs = try scratch.catalog.jobs()
        #expect(jobs.map(\.file) == ["inbox/show.wav", "inbox/again.wav"])
        #expect(jobs.map(\.outcome) == ["processed", "duplicate"])
    }
}
