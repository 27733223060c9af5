import Checkpoints
import Dispatch
import Foundation

/// The watched folder as a producer for a shared job queue (`watch --queue`): it runs no pipeline. Each
/// recording that stopped changing in `<workspace>/inbox` (``InboxScanner``) moves with its companions
/// into `submitted/<id>/`, the folder `submit` copies into (id = the first 16 hex digits of its SHA-256),
/// and is handed to the caller's `submit`, which queues it. Symbolic links are refused as the watcher
/// refuses them.
///
/// Several feeders on several machines may share one inbox: a recording moved by one while another reads
/// it is either moved by both to the same paths (``InboxMover``) or skipped by the one that finds it gone,
/// and the queue is idempotent by content hash, so each recording is queued once.
public final class InboxFeeder: Sendable {
    /// A recording moved out of the inbox, to be queued.
    public struct Recording: Sendable {
        /// SHA-256 of the recording (hex).
        public var contentHash: String
        /// Where it lies now, in `submitted/<id>/`.
        public var path: String
        /// Its companions by kind, beside it.
        public var companions: [UserInputKind: String]
    }

    /// The workspace whose inbox is fed.
    public let workspace: Workspace
    /// Settle time, polling, idle exit (`jobs` and the heartbeat settings do not apply).
    public let options: WatchOptions
    private let stop = StopSignal()
    private let events: InboxEvents
    private let log: @Sendable (String) -> Void

    /// Prepares a feeder of `workspace`'s inbox (creating the workspace's folders).
    public init(
        workspace: Workspace, options: WatchOptions, log: @escaping @Sendable (String) -> Void
    ) throws(PipelineError) {
        (self.workspace, self.options, self.log) = (workspace, options, log)
        try workspace.create()
        events = try InboxEvents(folder: workspace.inbox, polling: options.polling)
    }

    /// Whether the folder is watched with inotify (false: polling).
    public var usesInotify: Bool { events.usesInotify }

    /// Stops taking recordings; `run` returns once the one being queued is. Safe from any thread.
    public func requestStop() {
        stop.request()
        events.wake()
    }

    /// Feeds until `requestStop()` (or, with `exitWhenIdle`, until the inbox holds no recording). A
    /// recording whose `submit` throws (the queue's database failing) stays in `submitted/` and is submitted
    /// again at each following scan; one still not queued at exit is named in the log.
    public func run(submit: (Recording) async throws -> Void) async {
        var scanner = InboxScanner(folder: workspace.inbox, settle: options.settle)
        var unqueued: [Recording] = []
        while !stop.isRequested {
            let ready = scanner.readyRecordings()
            for link in scanner.links { InboxMover.refuseLink(link, to: workspace.rejected, log: log) }
            for item in ready where !stop.isRequested {
                do {
                    if let recording = try take(item) { unqueued.append(recording) }
                } catch {
                    log("\(Self.name(item.recording)): cannot move it to submitted/: \(error)")
                }
            }
            scanner.markReported(ready)
            var failed: [Recording] = []
            for recording in unqueued {
                do { try await submit(recording) } catch {
                    log("\(Self.name(recording.path)): not queued yet: \(error); retrying")
                    failed.append(recording)
                }
            }
            unqueued = failed
            if options.exitWhenIdle, unqueued.isEmpty, scanner.recordingsPresent == 0 { break }
            await waitForChange(timeout: scanner.recordingsPresent > 0 || !unqueued.isEmpty ? options.settle / 2 : 1)
        }
        for recording in unqueued {
            log("\(recording.path): moved but not queued; queue it with `liveinsight submit`")
        }
    }

    /// Hashes `item`'s recording and moves it with its companions into its `submitted/` folder; nil when
    /// another feeder took it first.
    private func take(_ item: InboxItem) throws(PipelineError) -> Recording? {
        let hash: String
        do { hash = try FileDigest(path: item.recording).sha256 } catch {
            if FileDigest.size(of: item.recording) == nil { return nil }
            throw error
        }
        let folder = workspace.submissionFolder(recordingHash: hash)
        guard let moved = try InboxMover.moveUnlessGone(item, to: folder) else { return nil }
        return Recording(contentHash: hash, path: moved, companions: InboxItem(recording: moved).companions)
    }

    /// Waits for the inbox to change (or a stop) on a thread of its own, never blocking the caller's.
    private func waitForChange(timeout: TimeInterval) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.events.wait(timeout: max(0.05, timeout))
                continuation.resume()
            }
        }
    }

    private static func name(_ path: String) -> String { (path as NSString).lastPathComponent }
}
