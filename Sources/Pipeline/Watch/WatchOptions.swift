import Checkpoints
import Foundation

/// How `liveinsight watch` behaves.
public struct WatchOptions: Sendable {
    /// Jobs run in parallel. Default: half the cores, at least 1.
    public var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount / 2)
    /// Seconds a file's size must stay unchanged before it is taken ("stopped growing"). Default 1.
    public var settle: TimeInterval = 1
    /// Poll the folder instead of using inotify. Default false (inotify, polling if it fails).
    public var polling = false
    /// Exit once the inbox is empty and no job is queued or running in any process. Default false.
    public var exitWhenIdle = false
    /// Seconds between heartbeats of this watcher's running jobs. Default 5.
    public var heartbeatInterval: TimeInterval = 5
    /// A running job whose heartbeat is older than this is given to another worker. Default 60 s.
    public var staleAfter: TimeInterval = 60

    public init() {}
}
