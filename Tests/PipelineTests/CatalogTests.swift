import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// The catalog on each engine: schema, queueing, atomic claiming, reclaiming.
struct CatalogTests {

    /// A scratch workspace whose inbox holds `names`, and their paths, for queueing.
    private func inbox(_ names: [String]) throws -> (workspace: Workspace, files: [String]) {
        let workspace = Workspace(root: try Fixtures.scratchFolder())
        try workspace.create()
        for name in Set(names) { try Fixtures.write(Data(name.utf8), to: workspace.inbox + "/" + name) }
        return (workspace, names.map { workspace.inbox + "/" + $0 })
    }

    /// A file is queued once while it has a live job, and again once that job is over.
    @Test(arguments: CatalogEngine.available) func enqueueIsIdempotentWhileLive(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let catalog = scratch.catalog
        let (workspace, files) = try inbox(["a.wav"])
        let file = files[0]
        #expect(try catalog.enqueue(files: [file, file], in: workspace) == 1)
        #expect(try catalog.enqueue(files: [file], in: workspace) == 0)
        let job = try #require(try catalog.claimNextJob(owner: JobOwner(host: "h", pid: 1)))
        #expect(try catalog.enqueue(files: [file], in: workspace) == 0)
        try catalog.recordBroadcast(id: "b1", name: "a.wav", sourcePath: file, bytes: 1)
        try catalog.finishJob(job.id!, broadcast: "b1", outcome: "processed")
        #expect(try catalog.enqueue(files: [file], in: workspace) == 1)
    }

    /// A file that has left the inbox is not queued (a scan raced with the worker that moved it).
    @Test(arguments: CatalogEngine.available) func goneFilesAreNotQueued(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        #expect(try scratch.catalog.enqueue(files: ["/nowhere/inbox/a.wav"], in: Workspace(root: "/nowhere")) == 0)
    }

    /// Many connections claiming at once never get the same job, and every job is claimed.
    @Test(arguments: CatalogEngine.available) func claimsAreExclusive(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let setup = scratch.catalog
        let (workspace, files) = try inbox((0..<60).map { "\($0).wav" })
        #expect(try setup.enqueue(files: files, in: workspace) == 60)
        let claimed = Mutex<[Int64]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            guard let catalog = try? scratch.reopened() else { return }
            while let job = try? catalog.claimNextJob(owner: JobOwner(host: "h", pid: Int32(100 + worker))) {
                claimed.withLock { $0.append(job.id!) }
            }
        }
        let ids = claimed.withLock { $0 }
        #expect(ids.count == 60)
        #expect(Set(ids).count == 60)
    }

    /// A job held by a dead process on this host goes back to the queue; a live one stays.
    @Test(arguments: CatalogEngine.available) func staleClaimsAreReclaimed(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let catalog = scratch.catalog
        let (workspace, files) = try inbox(["dead.wav", "live.wav"])
        try catalog.enqueue(files: files, in: workspace)
        _ = try catalog.claimNextJob(owner: JobOwner(host: "here", pid: 11))
        _ = try catalog.claimNextJob(owner: JobOwner(host: "here", pid: 22))
        let reclaimed = try catalog.reclaimStaleJobs(host: "here", staleAfter: 60, isAlive: { $0 == 22 })
        #expect(reclaimed.map { ($0.file as NSString).lastPathComponent } == ["dead.wav"])
        let again = try #require(try catalog.claimNextJob(owner: JobOwner(host: "here", pid: 33)))
        #expect(again.file.hasSuffix("/dead.wav") && again.attempts == 2)
    }

    /// A silent worker on another host is reclaimed after the heartbeat timeout.
    @Test(arguments: CatalogEngine.available) func silentWorkersAreReclaimed(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let catalog = scratch.catalog
        let (workspace, files) = try inbox(["a.wav"])
        try catalog.enqueue(files: files, in: workspace)
        let start = Date()
        _ = try catalog.claimNextJob(owner: JobOwner(host: "elsewhere", pid: 1), now: start)
        #expect(try catalog.reclaimStaleJobs(host: "here", staleAfter: 60, now: start.addingTimeInterval(30)).isEmpty)
        #expect(
            try catalog.reclaimStaleJobs(host: "here", staleAfter: 60, now: start.addingTimeInterval(90)).count == 1)
    }

    /// Jobs of `run` commands are never claimed by watchers; a dead one is marked failed.
    @Test(arguments: CatalogEngine.available) func runJobsAreNotClaimed(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let catalog = scratch.catalog
        let id = try catalog.startDirectJob(file: "/data/show.wav", owner: JobOwner(host: "here", pid: 44))
        #expect(try catalog.claimNextJob(owner: JobOwner(host: "here", pid: 1)) == nil)
        try catalog.reclaimStaleJobs(host: "here", staleAfter: 60, isAlive: { _ in false })
        let job = try #require(try catalog.jobs().first { $0.id == id })
        #expect(job.status == .failed)
        #expect(job.error?.contains("interrupted") == true)
    }

    /// A recording's digest is remembered by file identity and recomputed after any rewrite.
    @Test(arguments: CatalogEngine.available) func recordingDigestsAreRemembered(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let catalog = scratch.catalog
        let path = try Fixtures.scratchFolder() + "/show.wav"
        try Fixtures.write(Data("aaaa".utf8), to: path)
        let first = try catalog.digest(ofRecording: path)
        #expect(first == (try FileDigest(path: path)))
        #expect(try catalog.digest(ofRecording: path) == first)
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        try Fixtures.write(Data("bbbb".utf8), to: path)
        try FileManager.default.setAttributes([.modificationDate: modified as Any], ofItemAtPath: path)
        #expect(try catalog.digest(ofRecording: path) == (try FileDigest(path: path)))
        #expect(try catalog.digest(ofRecording: path) != first)
    }

    /// Keyword lists are stored once per content.
    @Test(arguments: CatalogEngine.available) func keywordListsByContent(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let catalog = scratch.catalog
        try catalog.recordKeywordList(name: "a.csv", path: "/a.csv", content: "특가\n", sha256: "h1")
        try catalog.recordKeywordList(name: "b.csv", path: "/b.csv", content: "특가\n", sha256: "h1")
        try catalog.recordKeywordList(name: "c.csv", path: "/c.csv", content: "배송\n", sha256: "h2")
        #expect(try catalog.keywordLists().map(\.name) == ["a.csv", "c.csv"])
    }

    /// A `run`'s heartbeat thread keeps its job from being taken as abandoned by a watcher on another machine;
    /// released, it stops beating.
    @Test(arguments: CatalogEngine.available) func heartbeatsKeepARunAlive(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let catalog = scratch.catalog
        let owner = JobOwner(host: "elsewhere", pid: 1)
        let started = try catalog.currentTime().addingTimeInterval(-120)
        _ = try catalog.startDirectJob(file: "/show.wav", owner: owner, now: started)
        var heartbeat: JobHeartbeat? = JobHeartbeat(catalog: catalog, owner: owner, interval: 0.05)
        let beaten = Polling.until(seconds: 10) {
            (try? catalog.jobs().first?.heartbeat).flatMap { $0 }.map { $0 > started.addingTimeInterval(60) } ?? false
        }
        #expect(beaten)
        #expect(try catalog.reclaimStaleJobs(host: "here", staleAfter: 60).isEmpty)
        withExtendedLifetime(heartbeat) {}
        heartbeat = nil
        let last = try catalog.jobs().first?.heartbeat
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try catalog.jobs().first?.heartbeat == last, "no beat after release")
    }
}

/// Polling for a condition in tests that wait on another thread.
enum Polling {
    /// Whether `condition` holds within `seconds`, checked every 20 ms.
    static func until(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }
}
