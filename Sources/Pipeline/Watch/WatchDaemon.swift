import Catalog
import Checkpoints
import Dispatch
import Foundation
import Synchronization

/// The watched-folder daemon: finds recordings that stopped growing in `<workspace>/inbox`, queues them
/// in the catalog, claims queued jobs (atomically, so several watchers can share a workspace) and runs
/// the pipeline on up to `jobs` of them at once. Processed files move to `processed/`; a file that fails
/// moves to `rejected/` with `<file>.reason.txt`; a file identical to a processed one is recorded as a
/// duplicate and moved to `processed/` without redoing anything. Nothing is ever deleted.
///
/// Watchers on several machines share one inbox through a PostgreSQL catalog, each with the shared workspace
/// mounted where it likes: jobs and recording paths are kept relative to the workspace, and a machine takes
/// another's job only once its heartbeats, stamped by the database's clock, have stopped.
///
/// `requestStop()` (wired to SIGINT/SIGTERM by the CLI) stops claiming; jobs in flight finish the stage
/// they are in and are queued again if stages remain, so the next start resumes them.
public final class WatchDaemon: Sendable {
    /// Runs each job.
    public let runner: PipelineRunner
    /// Jobs, settle time, polling, idle exit.
    public let options: WatchOptions
    private let stop = StopSignal()
    private let events: InboxEvents
    private let inFlight = Mutex(0)
    private let owner = JobOwner.current
    private let log: @Sendable (String) -> Void

    /// Prepares a watcher on the runner's workspace (creating its folders).
    public init(
        runner: PipelineRunner, options: WatchOptions, log: @escaping @Sendable (String) -> Void
    ) throws(PipelineError) {
        (self.runner, self.options, self.log) = (runner, options, log)
        try runner.workspace.create()
        events = try InboxEvents(folder: runner.workspace.inbox, polling: options.polling)
    }

    /// Whether the folder is watched with inotify (false: polling).
    public var usesInotify: Bool { events.usesInotify }

    /// Stops claiming jobs; `run()` returns once the jobs in flight have stopped. Safe from any thread.
    public func requestStop() {
        stop.request()
        events.wake()
    }

    /// Watches until `requestStop()` (or, with `exitWhenIdle`, until there is nothing left to do).
    public func run() {
        let catalog = runner.catalog
        let workers = DispatchQueue(label: "liveinsight.watch.jobs", attributes: .concurrent)
        let group = DispatchGroup()
        var scanner = InboxScanner(folder: runner.workspace.inbox, settle: options.settle)
        var lastHeartbeat = Date.distantPast
        while !stop.isRequested {
            let now = Date()
            do {
                let ready = scanner.readyRecordings(now: now)
                for link in scanner.links { InboxMover.refuseLink(link, to: runner.workspace.rejected, log: log) }
                let clock = try catalog.currentTime()  // heartbeats compare on one clock across machines
                try catalog.enqueue(files: ready.map(\.recording), in: runner.workspace, now: clock)
                scanner.markReported(ready)
                if now.timeIntervalSince(lastHeartbeat) >= options.heartbeatInterval {
                    try catalog.heartbeat(owner: owner, now: clock)
                    let stale = try catalog.reclaimStaleJobs(
                        host: owner.host, staleAfter: options.staleAfter, now: clock)
                    for job in stale {
                        log("\(Self.name(job.file)): its worker \(job.claimedBy ?? "?") is gone; queued again")
                    }
                    lastHeartbeat = now
                }
                while !stop.isRequested, inFlight.withLock({ $0 }) < options.jobs,
                    let job = try catalog.claimNextJob(owner: owner, now: clock)
                {
                    inFlight.withLock { $0 += 1 }
                    workers.async(group: group) {
                        self.process(job)
                        self.inFlight.withLock { $0 -= 1 }
                        self.events.wake()
                    }
                }
                if options.exitWhenIdle, inFlight.withLock({ $0 }) == 0, scanner.recordingsPresent == 0,
                    try catalog.liveJobCount() == 0
                {
                    break
                }
            } catch {
                log("watch: \(error); retrying")
            }
            events.wait(timeout: scanner.recordingsPresent > 0 ? max(0.05, options.settle / 2) : 1)
        }
        group.wait()
    }

    /// Runs one job to its end: processed, duplicate, rejected, queued again (stopped) or cancelled.
    private func process(_ job: JobRecord) {
        guard let id = job.id else { return }
        let catalog = runner.catalog
        let workspace = runner.workspace
        let file = workspace.absolutePath(of: job.file)  // the job names it relative to the workspace
        let name = Self.name(file)
        guard FileDigest.size(of: file) != nil else {
            try? catalog.cancelJob(id, reason: "the file left the inbox before it was processed")
            return
        }
        let item = InboxItem(recording: file)
        do {
            let summary = try runner.run(
                RunRequest(recording: item.recording, inputs: item.companions), job: id, stop: stop)
            guard let moved = try InboxMover.moveUnlessGone(item, to: workspace.processed) else {
                // Its earlier holder, whose heartbeat had lapsed, finished the same run and moved the file.
                try catalog.finishJob(id, broadcast: summary.broadcast, outcome: "processed")
                log("\(name): processed; the watcher that held it before moved it out of the inbox")
                return
            }
            let outcome = summary.reusedEverything ? "duplicate" : "processed"
            // A duplicate too: the run recorded the inbox path, which no longer holds the recording.
            try catalog.setSourcePath(workspace.sharedPath(of: moved), broadcast: summary.broadcast)
            try catalog.finishJob(id, broadcast: summary.broadcast, outcome: outcome)
            log("\(name): \(outcome) → \(summary.folder)")
        } catch .cancelled {
            try? catalog.requeueJob(id)
            log("\(name): stopped between stages; it resumes at the next start")
        } catch {
            let reason = error.description
            do { try InboxMover.reject(item, to: workspace.rejected, reason: reason) } catch {
                log("\(name): cannot move to rejected/: \(error)")
            }
            try? catalog.failJob(id, error: reason)
            log("\(name): rejected: \(reason)")
        }
    }

    private static func name(_ path: String) -> String { (path as NSString).lastPathComponent }
}
