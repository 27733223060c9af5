import Foundation

/// Keeps the running jobs of `owner` alive in a catalog from a thread of its own, so that watchers on any
/// machine, which take over jobs whose heartbeats stopped, leave a long `run` alone. Stops when released.
public final class JobHeartbeat: Sendable {
    /// Whether to stop, under the condition the thread sleeps on.
    private final class State: @unchecked Sendable {
        let condition = NSCondition()
        var stopped = false
    }

    private let state = State()

    /// Starts beating every `interval` seconds (the first beat after one interval).
    public init(catalog: Catalog, owner: JobOwner, interval: TimeInterval) {
        let thread = Thread { [state] in
            while true {
                state.condition.lock()
                if !state.stopped { _ = state.condition.wait(until: Date(timeIntervalSinceNow: interval)) }
                let stopped = state.stopped
                state.condition.unlock()
                if stopped { return }
                try? catalog.heartbeat(owner: owner)  // a missed beat is retried at the next one
            }
        }
        thread.name = "catalog heartbeat"
        thread.start()
    }

    deinit {
        state.condition.lock()
        state.stopped = true
        state.condition.signal()
        state.condition.unlock()
    }
}
