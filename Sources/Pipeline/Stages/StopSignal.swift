import Synchronization

/// A request to stop, set from a signal handler and read by the runner between stages and by the
/// watcher before it claims the next job.
public final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks everything watching this signal to stop at the next safe point.
    public func request() { flag.store(true, ordering: .sequentiallyConsistent) }

    /// Whether a stop was requested.
    public var isRequested: Bool { flag.load(ordering: .sequentiallyConsistent) }
}
