import Catalog
import Checkpoints
import Foundation
import Pipeline
import Testing

/// `liveinsight watch` as producers use it: files dropped into the inbox of a running watcher.
@Suite(.serialized)
struct WatchFolderTests {
    /// The files of a drop: good recordings, duplicates of some of them, and corrupt files.
    private struct Drop {
        var files: [String: Data] = [:]
        var good: [String] = [], duplicates: [String] = [], corrupt: [String] = []

        init(good: Int, duplicates: Int, corrupt: Int) {
            for index in 0..<good {
                add(String(format: "good-%02d.wav", index), TestClips.wav(seconds: 0.5, variant: index), to: \.good)
            }
            for index in 0..<duplicates {
                add(String(format: "dup-%02d.wav", index), files[self.good[index * 3 % good]]!, to: \.duplicates)
            }
            let extensions = ["wav", "mp3", "flac", "ogg", "txt"]
            for index in 0..<corrupt {
                let data = index % 2 == 0 ? TestClips.truncated(variant: index) : Data("not audio \(index)\n".utf8)
                add(String(format: "bad-%02d.", index) + extensions[index % extensions.count], data, to: \.corrupt)
            }
        }

        private mutating func add(_ name: String, _ data: Data, to list: WritableKeyPath<Drop, [String]>) {
            files[name] = data
            self[keyPath: list].append(name)
        }

        /// Writes every file into `inbox`: alternately written in place (the watcher sees it grow and
        /// close) and renamed in from `staging` (it appears whole).
        func put(into inbox: String, staging: String) throws {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for (index, (name, data)) in files.sorted(by: { $0.key < $1.key }).enumerated() {
                if index % 2 == 0 {
                    try data.write(to: URL(fileURLWithPath: inbox + "/" + name))
                } else {
                    try data.write(to: URL(fileURLWithPath: staging + "/" + name))
                    try FileManager.default.moveItem(atPath: staging + "/" + name, toPath: inbox + "/" + name)
                }
            }
        }
    }

    private func watch(_ workspace: String, _ extra: [String] = [], model: String = CLIRunner.tinyModel) -> [String] {
        ["watch", "--workspace", workspace, "--model", model, "--jobs", "1", "--threads", "1", "--settle", "0.3"]
            + extra
    }

    /// Checks that every file of `drop` ended where it should with its bytes intact, that each content
    /// was processed exactly once (one `done` run per stage) and that each file has exactly one finished job.
    private func checkOutcome(of drop: Drop, workspace: String) throws {
        let processed = CLIRunner.files(in: workspace + "/processed")
        let rejected = CLIRunner.files(in: workspace + "/rejected")
        #expect(CLIRunner.files(in: workspace + "/inbox").isEmpty)
        #expect(processed == (drop.good + drop.duplicates).sorted())
        #expect(rejected == drop.corrupt.flatMap { [$0, $0 + ".reason.txt"] }.sorted())
        for (name, data) in drop.files {
            let folder = drop.corrupt.contains(name) ? "/rejected/" : "/processed/"
            #expect(FileManager.default.contents(atPath: workspace + folder + name) == data, "\(name) changed or lost")
        }
        for name in drop.corrupt {
            let reason = try String(contentsOfFile: workspace + "/rejected/" + name + ".reason.txt", encoding: .utf8)
            #expect(
                reason.hasSuffix("\n") && reason.dropLast().split(separator: "\n").count == 1 && reason.contains(name),
                "\(reason)")
        }
        let catalog = try Catalog(path: workspace + "/catalog.sqlite")
        let jobs = try catalog.jobs()
        for name in drop.files.keys {
            let finished = jobs.filter { ($0.file as NSString).lastPathComponent == name && $0.status != .cancelled }
            #expect(finished.count == 1, "\(name): \(finished.count) jobs")
            #expect(finished.first?.status == (drop.corrupt.contains(name) ? .failed : .done))
        }
        #expect(try catalog.liveJobCount() == 0)
        #expect(jobs.filter { $0.outcome == "processed" }.count == drop.good.count)
        #expect(jobs.filter { $0.outcome == "duplicate" }.count == drop.duplicates.count)
        let doneRuns = try catalog.stageRuns().filter { $0.status == .done }
        let goodBroadcasts = Set(jobs.filter { $0.outcome == "processed" }.compactMap(\.broadcastId))
        #expect(goodBroadcasts.count == drop.good.count)
        for broadcast in goodBroadcasts {
            let stages = doneRuns.filter { $0.broadcastId == broadcast }.map(\.stage).sorted()
            #expect(stages == ["acoustic", "decode", "transcript"], "\(broadcast) ran \(stages)")
        }
    }

    /// 100 files dropped at once: good ones processed once, duplicates recognised, bad ones rejected, none lost.
    ///
    /// 60 good, 20 duplicates, 20 corrupt, into a running watcher; SIGTERM then stops it with exit code 0.
    @Test func hundredFilesAtOnce() throws {
        let root = try CLIRunner.temporaryDirectory().path
        let workspace = root + "/ws"
        let log = URL(fileURLWithPath: root + "/watch.log")
        let watcher = try CLIRunner.start(watch(workspace), log: log)
        #expect(
            CLIRunner.wait(timeout: 30) {
                (try? String(contentsOf: log, encoding: .utf8))?.contains("watching") == true
            })
        let drop = Drop(good: 60, duplicates: 20, corrupt: 20)
        try drop.put(into: workspace + "/inbox", staging: root + "/staging")
        let started = Date()
        let finished = CLIRunner.wait(timeout: 100) {
            CLIRunner.files(in: workspace + "/inbox").isEmpty
                && CLIRunner.files(in: workspace + "/processed").count
                    + CLIRunner.files(in: workspace + "/rejected").count == 120
        }
        let seconds = Date().timeIntervalSince(started)
        kill(watcher.processIdentifier, SIGTERM)
        watcher.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(finished, "not finished after \(seconds) s:\n\(output.suffix(2000))")
        #expect(watcher.terminationReason == .exit && watcher.terminationStatus == 0, "\(output.suffix(2000))")
        #expect(output.contains("stopped"))
        try checkOutcome(of: drop, workspace: workspace)
    }

    /// Two watchers on one workspace (one polling) share the work and never process a file twice.
    @Test func twoWatchersShareTheWork() throws {
        let root = try CLIRunner.temporaryDirectory().path
        let workspace = root + "/ws"
        try FileManager.default.createDirectory(atPath: workspace + "/inbox", withIntermediateDirectories: true)
        let drop = Drop(good: 24, duplicates: 8, corrupt: 8)
        try drop.put(into: workspace + "/inbox", staging: root + "/staging")
        let watchers = try [["--until-idle"], ["--until-idle", "--poll"]].enumerated().map { index, extra in
            try CLIRunner.start(watch(workspace, extra), log: URL(fileURLWithPath: root + "/watch-\(index).log"))
        }
        for watcher in watchers { watcher.waitUntilExit() }
        let logs = (0..<2).map { (try? String(contentsOfFile: root + "/watch-\($0).log", encoding: .utf8)) ?? "" }
        #expect(watchers.allSatisfy { $0.terminationStatus == 0 }, "\(logs)")
        #expect(logs[1].contains("(polling, 1 job)"))
        try checkOutcome(of: drop, workspace: workspace)
        let workers = Set(try Catalog(path: workspace + "/catalog.sqlite").jobs().compactMap(\.claimedPid))
        #expect(workers.count == 2, "both watchers should have claimed jobs: \(workers)")
    }

    /// Starts a watcher with the shipped model, drops a two-minute recording and returns once the manifest
    /// records the acoustic stage (seconds on this recording) running. A short clip with the tiny model
    /// could finish the whole job before the test acts on it; returning as soon as decode appears could
    /// act while decode itself is in flight.
    private func watcherInAcousticStage(root: String) throws -> (watcher: Process, folder: String) {
        let workspace = root + "/ws"
        let watcher = try CLIRunner.start(
            watch(workspace, model: CLIRunner.shippedModel),
            log: URL(fileURLWithPath: root + "/first.log"))
        #expect(CLIRunner.wait(timeout: 30) { FileManager.default.fileExists(atPath: workspace + "/inbox") })
        try TestClips.wav(seconds: 120, variant: 0).write(to: URL(fileURLWithPath: workspace + "/inbox/show.wav"))
        var folder = ""
        #expect(
            CLIRunner.wait(timeout: 30) {
                guard let id = CLIRunner.files(in: workspace + "/broadcasts").first else { return false }
                folder = workspace + "/broadcasts/" + id
                return (try? Manifest.load(folder: folder))??.stages["acoustic"]?.status == .running
            })
        return (watcher, folder)
    }

    /// Runs a second watcher until the inbox is idle and checks that it completed the job.
    private func finishWithSecondWatcher(root: String, folder: String) throws -> String {
        let workspace = root + "/ws"
        let second = try CLIRunner.start(
            watch(workspace, ["--until-idle"], model: CLIRunner.shippedModel),
            log: URL(fileURLWithPath: root + "/second.log"))
        second.waitUntilExit()
        let log = (try? String(contentsOfFile: root + "/second.log", encoding: .utf8)) ?? ""
        #expect(second.terminationStatus == 0, "\(log)")
        #expect(CLIRunner.files(in: workspace + "/processed") == ["show.wav"])
        #expect(try CheckpointAudit.doneStages(in: folder) == ["decode", "acoustic", "transcript"])
        return log
    }

    /// A watcher killed mid-job: the next one reclaims the job, reuses finished stages and completes it.
    @Test func killedWatcherIsReclaimed() throws {
        let root = try CLIRunner.temporaryDirectory().path
        let (first, folder) = try watcherInAcousticStage(root: root)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let doneBefore = try CheckpointAudit.doneStages(in: folder)
        #expect(!doneBefore.contains("transcript"), "the job was still in flight when killed: \(doneBefore)")

        let log = try finishWithSecondWatcher(root: root, folder: folder)
        #expect(log.contains("is gone; queued again"), "\(log)")
        let runs = try Catalog(path: root + "/ws/catalog.sqlite").stageRuns()
        for stage in doneBefore {
            #expect(
                runs.filter { $0.stage == stage && $0.status == .done }.count == 1,
                "\(stage) finished before the kill: reused")
        }
        #expect(!runs.contains { $0.status == .running })
    }

    /// SIGTERM during a stage: it finishes and is kept; the next watcher resumes the job from there.
    @Test func stopFinishesTheStageInFlightAndResumes() throws {
        let root = try CLIRunner.temporaryDirectory().path
        let (first, folder) = try watcherInAcousticStage(root: root)
        kill(first.processIdentifier, SIGTERM)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(
            try CheckpointAudit.doneStages(in: folder) == ["decode", "acoustic"],
            "the stage in flight finishes, no more")

        _ = try finishWithSecondWatcher(root: root, folder: folder)
        let runs = try Catalog(path: root + "/ws/catalog.sqlite").stageRuns().filter { $0.status == .done }
        #expect(runs.map(\.stage).sorted() == ["acoustic", "decode", "transcript"], "each stage ran once")
    }
}
