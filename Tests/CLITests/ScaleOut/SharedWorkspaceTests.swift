import Catalog
import Checkpoints
import Foundation
import JobQueue
import Pipeline
import PrivatePostgres
import Testing

/// Two machines that mount one shared workspace at different paths (`TwoMachines`): `run` on both at once.
struct SharedWorkspaceTests {
    /// `run` of one recording on both machines at once: the second waits on the broadcast's lock while the first
    /// writes, then reuses every stage the first finished. The checkpoints verify from either path.
    @Test func runsOnTwoMachinesTakeTurnsOnOneBroadcast() throws {
        let machines = try TwoMachines(in: try CLIRunner.temporaryDirectory().path)
        defer { machines.unmount() }
        let (root, id) = (machines.root, try machines.writeShow(seconds: 120))
        let folder = machines.share + "/ws/broadcasts/" + id
        func run(on machine: String, _ name: String) throws -> Process {
            try CLIRunner.start(
                [
                    "run", machine + "/show.wav", "--workspace", machine + "/ws", "--model", CLIRunner.tinyModel,
                    "--threads", "1", "--json",
                ],
                log: URL(fileURLWithPath: root + "/\(name).json"), errors: URL(fileURLWithPath: root + "/\(name).log"))
        }
        func summary(_ name: String) throws -> RunSummary {
            let json = try Data(contentsOf: URL(fileURLWithPath: root + "/\(name).json"))
            return try JSONDecoder().decode(RunSummary.self, from: json)
        }

        // Paused mid-stage, holding the lock, so that the second run certainly comes while the first writes.
        let first = try run(on: machines.a, "first")
        #expect(CLIRunner.pause(first, midStage: "acoustic", folder: folder, workspace: machines.workspace))
        let manifest = FileManager.default.contents(atPath: folder + "/" + Manifest.fileName)
        let second = try run(on: machines.b, "second")
        #expect(
            CLIRunner.wait(timeout: 60) {
                KernelLocks.waiters(on: folder + "/" + CheckpointFile.lockFile).contains(second.processIdentifier)
            }, "the second run waits on the broadcast's lock")
        #expect(second.isRunning)
        #expect(FileManager.default.contents(atPath: folder + "/" + Manifest.fileName) == manifest, "writing nothing")
        kill(first.processIdentifier, SIGCONT)
        first.waitUntilExit()
        second.waitUntilExit()
        let logs = ["first", "second"].map { (try? String(contentsOfFile: root + "/\($0).log", encoding: .utf8)) ?? "" }
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0, "\(logs)")

        let ran = try summary("first").stages.filter { $0.status != .waiting }
        let reused = try summary("second")
        #expect(ran.map(\.stage) == ["decode", "acoustic", "transcript"] && ran.allSatisfy { $0.status == .ran })
        #expect(reused.stages.filter { $0.status != .waiting }.allSatisfy { $0.status == .reused }, "\(reused)")
        #expect(reused.folder == machines.b + "/ws/broadcasts/" + id)
        #expect(try CheckpointAudit.doneStages(in: reused.folder) == ["decode", "acoustic", "transcript"])
        #expect(!CLIRunner.files(in: folder).contains { $0.contains(AtomicFile.temporaryMarker) })
        let runs = try Catalog(path: machines.workspace.catalogPath).stageRuns()
        #expect(runs.filter { $0.status == .done }.map(\.stage).sorted() == ["acoustic", "decode", "transcript"])
    }
}

/// `submit` and `worker` on two machines that mount one shared workspace at different paths (`TwoMachines`).
extension ScaleOutTests {
    /// The same recording submitted on both machines, by their two paths to it and as a copy under another name
    /// that only the second machine has, is queued and stored once. Workers on both machines process it once, and
    /// the catalog records where it lies so that both machines find it.
    @Test func theSameRecordingFromTwoMachinesIsProcessedOnce() async throws {
        try await onTwoMachines { server, machines in
            let id = try machines.writeShow(seconds: 0.5)
            let copy = machines.root + "/b-only.wav"  // the same bytes, in a folder only machine B has
            try FileManager.default.copyItem(atPath: machines.share + "/show.wav", toPath: copy)
            func submit(_ file: String, on machine: String) throws -> CLIRunner.Result {
                try CLIRunner.run(["submit", file, "--workspace", machine + "/ws", "--queue", server.url])
            }
            let submitted = try submit(machines.a + "/show.wav", on: machines.a)
            #expect(submitted.status == 0 && submitted.stdout.hasPrefix("queued job 1: submitted/"), "\(submitted)")
            for file in [machines.b + "/show.wav", copy] {
                let again = try submit(file, on: machines.b)
                #expect(again.status == 0 && again.stdout.hasPrefix("already submitted as job 1 (queued)"), "\(again)")
            }
            #expect(CLIRunner.files(in: machines.share + "/ws/submitted") == [id])
            #expect(CLIRunner.files(in: machines.share + "/ws/submitted/" + id) == ["show.wav"], "one copy")

            try runWorkersUntilIdle(server, on: [machines.a + "/ws", machines.b + "/ws"], logs: machines.root)
            let jobs = try await queuedJobs(on: server)
            #expect(jobs.count == 1 && jobs.allSatisfy { $0.state == .done && $0.attempts == 1 }, "\(jobs)")
            let workspace = machines.workspace
            try expectEachStageRanOnce(jobs, in: workspace)
            let broadcasts = try Catalog(path: workspace.catalogPath).broadcasts()
            #expect(broadcasts.map(\.sourcePath) == jobs.map(\.recording), "relative to the workspace, as the queue's")
            for machine in [machines.a, machines.b] {
                let recording = Workspace(root: machine + "/ws").absolutePath(of: broadcasts.first?.sourcePath ?? "")
                #expect(FileManager.default.fileExists(atPath: recording), "\(recording)")
            }
        }
    }

    /// A worker paused on one machine until its lease runs out: a worker on the other machine takes the job
    /// again, but waits on the broadcast's lock until the first has finished, then reuses every stage. The first
    /// cannot complete the job it lost; the second does.
    @Test func aJobTakenAgainAfterItsLeaseWaitsForItsFirstWorker() async throws {
        try await onTwoMachines { server, machines in
            let folder = machines.b + "/ws/broadcasts/" + (try submitShow(server, machines))
            let first = try CLIRunner.start(
                worker(server, machines.a + "/ws"), log: URL(fileURLWithPath: machines.root + "/a.log"))
            #expect(CLIRunner.pause(first, midStage: "acoustic", folder: folder, workspace: machines.workspace))
            let manifest = FileManager.default.contents(atPath: folder + "/" + Manifest.fileName)
            let log = machines.root + "/b.log"
            let second = try CLIRunner.start(
                worker(server, machines.b + "/ws", ["--until-idle"]), log: URL(fileURLWithPath: log))
            #expect(
                CLIRunner.wait(timeout: 60) {
                    KernelLocks.waiters(on: folder + "/" + CheckpointFile.lockFile).contains(second.processIdentifier)
                }, "the second worker claimed the job once its lease ran out, and waits on the lock")
            #expect(FileManager.default.contents(atPath: folder + "/" + Manifest.fileName) == manifest)
            kill(first.processIdentifier, SIGCONT)
            second.waitUntilExit()
            kill(first.processIdentifier, SIGTERM)
            first.waitUntilExit()
            let logs = [machines.root + "/a.log", log].map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" }
            #expect(second.terminationStatus == 0 && first.terminationStatus == 0, "\(logs)")
            #expect(logs[0].contains("(its lease had run out)"), "the first finished the run, not the job: \(logs)")
            let job = try #require(try await queuedJobs(on: server).first)
            #expect(job.state == .done && job.attempts == 2, "\(job)")
            #expect(job.worker?.hasSuffix("/\(second.processIdentifier)") == true, "\(job)")
            try expectEachStageRanOnce([job], in: machines.workspace)
            let runs = try Catalog(path: machines.workspace.catalogPath).stageRuns()
            #expect(runs.filter { $0.status == .reused }.count == 3, "the second reused every stage")
            #expect(try CheckpointAudit.doneStages(in: folder) == ["decode", "acoustic", "transcript"])
        }
    }

    /// A worker killed with SIGKILL on one machine while it writes a checkpoint leaves no half-written file under
    /// a checkpoint's name; once its lease runs out, a worker on the other machine finishes the job.
    @Test func aWorkerKilledMidWriteIsFinishedOnAnotherMachine() async throws {
        try await onTwoMachines { server, machines in
            let folder = machines.b + "/ws/broadcasts/" + (try submitShow(server, machines))
            // Stopped while posteriors.bin is written under its temporary name, then killed: that write never ends.
            let first = try CLIRunner.start(
                worker(server, machines.a + "/ws"), log: URL(fileURLWithPath: machines.root + "/a.log"))
            let unfinished = PosteriorsFile.fileName + AtomicFile.temporaryMarker
            #expect(CLIRunner.pause(first) { CLIRunner.files(in: folder).contains { $0.hasPrefix(unfinished) } })
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            #expect(CLIRunner.files(in: folder).contains { $0.hasPrefix(unfinished) }, "the write was cut off")
            #expect(!CLIRunner.files(in: folder).contains(PosteriorsFile.fileName), "and never took the final name")
            #expect(try CheckpointAudit.doneStages(in: folder) == ["decode"], "what is there reads back whole")

            try await expectKilledJobFinished(
                server, workspace: machines.b + "/ws", folder: folder, log: machines.root + "/b.log")
            #expect(!CLIRunner.files(in: folder).contains { $0.contains(AtomicFile.temporaryMarker) }, "cleared")
            let runs = try Catalog(path: machines.workspace.catalogPath).stageRuns()
            #expect(runs.filter { $0.status == .done }.map(\.stage).sorted() == ["acoustic", "decode", "transcript"])
        }
    }

    /// Runs `body` with a fresh private PostgreSQL and two machines' mounts of a new shared folder; stops the
    /// server and unmounts afterwards.
    private func onTwoMachines(_ body: (PrivatePostgres, TwoMachines) async throws -> Void) async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        let machines = try TwoMachines(in: try CLIRunner.temporaryDirectory().path)
        defer { machines.unmount() }
        try await body(server, machines)
    }

    /// Submits a two-minute recording in the shared folder from machine A; returns its broadcast id.
    private func submitShow(_ server: PrivatePostgres, _ machines: TwoMachines) throws -> String {
        let id = try machines.writeShow(seconds: 120)
        let submitted = try CLIRunner.run([
            "submit", machines.a + "/show.wav", "--workspace", machines.a + "/ws", "--queue", server.url,
        ])
        #expect(submitted.status == 0, "\(submitted)")
        return id
    }
}
