import Catalog
import Checkpoints
import Foundation
import JobQueue
import PostgresSupport
import PrivatePostgres
import Testing

/// `liveinsight submit` and `liveinsight worker` processes over one shared workspace and a real PostgreSQL queue.
@Suite(.serialized, .needsPostgres)
struct ScaleOutTests {
    /// Three worker processes over a batch of 100 short recordings: each is processed exactly once.
    @Test func threeWorkersProcessABatchExactlyOnce() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        let root = try CLIRunner.temporaryDirectory().path
        let workspace = Workspace(root: root + "/ws")
        try await submitClips(0..<100, to: server, workspace: workspace)
        try runWorkersUntilIdle(server, on: Array(repeating: workspace.root, count: 3), logs: root)

        let jobs = try await queuedJobs(on: server)
        #expect(jobs.count == 100 && jobs.allSatisfy { $0.state == .done && $0.attempts == 1 }, "each claimed once")
        #expect(Set(jobs.compactMap(\.broadcast)).count == 100)
        let names = Set(jobs.compactMap(\.worker))
        #expect(names.count >= 2, "the workers shared the batch: \(names)")
        let catalog = try Catalog(path: workspace.catalogPath)
        #expect(try catalog.jobs().filter { $0.status == .done && $0.outcome == "processed" }.count == 100)
        try expectEachStageRanOnce(jobs, in: workspace)
    }

    /// Worker processes outlive a database restart: they reconnect and process what is submitted afterwards.
    @Test func workersReconnectAfterTheDatabaseRestarts() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        let root = try CLIRunner.temporaryDirectory().path
        let workspace = Workspace(root: root + "/ws")
        try await submitClips(0..<5, to: server, workspace: workspace)
        let workers = try (0..<2).map { index in
            try CLIRunner.start(
                worker(server, workspace.root),
                log: URL(fileURLWithPath: root + "/worker-\(index).log"))
        }
        #expect(try await doneJobs(on: server, reach: 5))
        try server.pause()  // a fast shutdown: it ends every worker's connections before it returns
        try await Task.sleep(for: .seconds(2))
        try server.start()
        try await submitClips(5..<10, to: server, workspace: workspace)
        #expect(try await doneJobs(on: server, reach: 10))
        for worker in workers { kill(worker.processIdentifier, SIGTERM) }
        for worker in workers { worker.waitUntilExit() }
        let logs = (0..<2).map { (try? String(contentsOfFile: root + "/worker-\($0).log", encoding: .utf8)) ?? "" }
        #expect(workers.allSatisfy { $0.terminationStatus == 0 }, "\(logs)")
        try expectEachStageRanOnce(try await queuedJobs(on: server), in: workspace)
    }

    /// A worker killed with SIGKILL mid-job: once its lease runs out another worker takes the job and finishes it.
    @Test func aKilledWorkersJobIsFinishedByAnother() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        let root = try CLIRunner.temporaryDirectory().path
        let (first, folder) = try await workerInAcousticStage(server, root: root)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        // The second worker runs the tiny model: quick, and the job's fate does not depend on the model.
        try await expectKilledJobFinished(server, workspace: root + "/ws", folder: folder, log: root + "/second.log")
        #expect(
            !FileLock.isHeld(path: folder + "/" + CheckpointFile.lockFile),
            "the kernel freed the dead worker's lock")
    }

    /// SIGTERM mid-job: the stage in flight finishes, the job goes back to the queue untried, exit 0.
    @Test func aStoppedWorkerReleasesItsJob() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        let root = try CLIRunner.temporaryDirectory().path
        let (first, folder) = try await workerInAcousticStage(server, root: root)
        kill(first.processIdentifier, SIGTERM)
        first.waitUntilExit()
        let log = (try? String(contentsOfFile: root + "/first.log", encoding: .utf8)) ?? ""
        #expect(first.terminationStatus == 0, "\(log)")
        #expect(log.contains("released for another worker"), "\(log)")
        let job = try #require(try await queuedJobs(on: server).first)
        #expect(job.state == .queued && job.attempts == 0, "\(job)")
        #expect(
            try CheckpointAudit.doneStages(in: folder) == ["decode", "acoustic"],
            "the stage in flight finished, no more")
    }

    /// A recording that always fails is retried, then dead-lettered with its reason; submitting it again says so,
    /// `queue status` lists it, and `queue retry` brings it back.
    @Test func aRecordingThatAlwaysFailsIsDeadLettered() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        let root = try CLIRunner.temporaryDirectory().path
        try Data("not audio\n".utf8).write(to: URL(fileURLWithPath: root + "/broken.wav"))
        let submit = ["submit", root + "/broken.wav", "--workspace", root + "/ws", "--queue", server.url]
        let submitted = try CLIRunner.run(submit + ["--max-attempts", "2"])
        #expect(submitted.status == 0 && submitted.stdout.hasPrefix("queued job 1: submitted/"), "\(submitted)")
        let worker = try CLIRunner.run(worker(server, root + "/ws", ["--until-idle", "--retry-delay", "0"]))
        #expect(worker.status == 0, "\(worker.stderr)")
        let job = try #require(try await queuedJobs(on: server).first)
        #expect(job.state == .dead && job.attempts == 2, "\(job)")
        #expect(job.lastError?.contains("not an audio file") == true, "\(job)")
        let again = try CLIRunner.run(submit)
        #expect(again.status == 0 && again.stdout.hasPrefix("already submitted as job 1 (dead)"), "\(again)")
        let status = try CLIRunner.run(["queue", "status", "--queue", server.url])
        #expect(status.stdout.hasPrefix("queued 0, running 0, done 0, dead 1\ndead job 1 submitted/"), "\(status)")
        #expect(status.stdout.contains("after 2 attempts: ") && status.stdout.contains("not an audio file"))
        let retried = try CLIRunner.run(["queue", "retry", "1", "--queue", server.url])
        #expect(retried.status == 0 && retried.stdout == "job 1 queued again\n", "\(retried)")
        let requeued = try #require(try await queuedJobs(on: server).first)
        #expect(requeued.state == .queued && requeued.attempts == 0)
        #expect(try CLIRunner.run(["queue", "retry", "1", "--queue", server.url]).status != 0, "only dead jobs")
    }

    /// Writes half-second recordings `variants` beside the workspace and submits them to the queue on
    /// `server`, as `submit` does.
    private func submitClips(_ variants: Range<Int>, to server: PrivatePostgres, workspace: Workspace) async throws {
        try workspace.create()
        try await JobQueue.open(try PostgresAddress(url: server.url)) { queue in
            for index in variants {
                let path = (workspace.root as NSString).deletingLastPathComponent + "/show-\(index).wav"
                try TestClips.wav(seconds: 0.5, variant: index).write(to: URL(fileURLWithPath: path))
                let hash = try FileDigest(path: path).sha256
                let recording = try workspace.submit(path, recordingHash: hash)
                _ = try await queue.submit(JobSubmission(contentHash: hash, recording: recording))
            }
        }
    }

    /// Runs one `worker --until-idle` process on each of `workspaces` at once until all have exited, and checks
    /// that each exits 0. Their logs go to `<logs>/worker-<index>.log`.
    func runWorkersUntilIdle(_ server: PrivatePostgres, on workspaces: [String], logs: String) throws {
        let workers = try workspaces.enumerated().map { index, workspace in
            try CLIRunner.start(
                worker(server, workspace, ["--until-idle"]), log: URL(fileURLWithPath: logs + "/worker-\(index).log"))
        }
        for worker in workers { worker.waitUntilExit() }
        let texts = workers.indices.map {
            (try? String(contentsOfFile: logs + "/worker-\($0).log", encoding: .utf8)) ?? ""
        }
        #expect(workers.allSatisfy { $0.terminationStatus == 0 }, "\(texts)")
    }

    /// Runs a `worker --until-idle` on `workspace` after the first job's worker on `server` was killed, and checks
    /// that it finished that job (the second attempt, under its name) and every stage of the broadcast in `folder`.
    func expectKilledJobFinished(
        _ server: PrivatePostgres, workspace: String, folder: String, log: String
    ) async throws {
        let second = try CLIRunner.start(worker(server, workspace, ["--until-idle"]), log: URL(fileURLWithPath: log))
        second.waitUntilExit()
        #expect(second.terminationStatus == 0, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let job = try #require(try await queuedJobs(on: server).first)
        #expect(job.state == .done && job.attempts == 2, "\(job)")
        #expect(job.worker?.hasSuffix("/\(second.processIdentifier)") == true, "\(job)")
        #expect(try CheckpointAudit.doneStages(in: folder) == ["decode", "acoustic", "transcript"])
    }

    /// Whether `count` jobs on `server` are done within a minute.
    private func doneJobs(on server: PrivatePostgres, reach count: Int) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if try await queuedJobs(on: server).filter({ $0.state == .done }).count >= count { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }

    /// Checks in the workspace's catalog that each job's broadcast ran every stage exactly once.
    func expectEachStageRanOnce(_ jobs: [QueuedJob], in workspace: Workspace) throws {
        let done = try Catalog(path: workspace.catalogPath).stageRuns().filter { $0.status == .done }
        for job in jobs {
            let stages = done.filter { $0.broadcastId == job.broadcast }.map(\.stage)
            #expect(stages.sorted() == ["acoustic", "decode", "transcript"], "\(job.recording): each stage ran once")
        }
    }

    /// Every job of the queue on `server`.
    func queuedJobs(on server: PrivatePostgres) async throws -> [QueuedJob] {
        try await JobQueue.open(try PostgresAddress(url: server.url)) { try await $0.jobs() }
    }

    /// `worker` arguments for the queue on `server` and `workspace`: the tiny model on one thread, a short lease.
    func worker(
        _ server: PrivatePostgres, _ workspace: String, _ extra: [String] = [],
        model: String = CLIRunner.tinyModel
    ) -> [String] {
        [
            "worker", "--queue", server.url, "--workspace", workspace, "--model", model, "--threads", "1", "--lease",
            "2",
            "--poll", "0.5",
        ] + extra
    }

    /// Submits a two-minute recording, starts a worker with the shipped model and returns once the manifest
    /// records the acoustic stage running (seconds on this recording), as the watched-folder tests do.
    private func workerInAcousticStage(_ server: PrivatePostgres, root: String) async throws -> (Process, String) {
        try TestClips.wav(seconds: 120, variant: 0).write(to: URL(fileURLWithPath: root + "/show.wav"))
        let submitted = try CLIRunner.run([
            "submit", root + "/show.wav", "--workspace", root + "/ws",
            "--queue", server.url,
        ])
        #expect(submitted.status == 0, "\(submitted)")
        let first = try CLIRunner.start(
            worker(server, root + "/ws", model: CLIRunner.shippedModel),
            log: URL(fileURLWithPath: root + "/first.log"))
        var folder = ""
        #expect(
            CLIRunner.wait(timeout: 60) {
                guard let id = CLIRunner.files(in: root + "/ws/broadcasts").first else { return false }
                folder = root + "/ws/broadcasts/" + id
                return (try? Manifest.load(folder: folder))??.stages["acoustic"]?.status == .running
            })
        return (first, folder)
    }
}

/// The broadcast folder's lock, which keeps two workers from writing one broadcast, as another process sees it.
struct BroadcastLockTests {
    /// While one process holds the lock, another (util-linux `flock`) cannot take it; once released, it can.
    @Test func theLockExcludesOtherProcesses() throws {
        let path = try CLIRunner.temporaryDirectory().path + "/" + CheckpointFile.lockFile
        func otherProcessCanLock() throws -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            process.arguments = ["--nonblock", path, "true"]
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        var lock: FileLock? = try FileLock(path: path)
        #expect(try !otherProcessCanLock())
        #expect(FileLock.isHeld(path: path))
        withExtendedLifetime(lock) {}
        lock = nil
        #expect(try otherProcessCanLock())
    }
}
