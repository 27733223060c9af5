/// How long jobs are held and how often they are tried; the defaults suit recordings of an hour or two.
public struct QueueOptions: Sendable {
    /// Seconds a claim lasts without a heartbeat: a worker that dies (SIGKILL, machine lost) loses its job
    /// this long after its last heartbeat, and another worker takes it.
    public var leaseSeconds: Double = 60
    /// Seconds between heartbeats: a third of the lease, so two can be missed (a slow database) safely, and at
    /// most 20, because the workspace's catalog takes a job whose heartbeat is a minute old for abandoned.
    public var heartbeatSeconds: Double { min(leaseSeconds / 3, 20) }
    /// Attempts before a job is dead-lettered (kept with its last reason, never tried again by itself).
    public var maxAttempts = 3
    /// Seconds a failed job waits before it is tried again (a failing file does not hog the workers).
    public var retryDelaySeconds: Double = 10
    /// Seconds an idle worker sleeps between looks at the queue when no notification wakes it: notifications
    /// are not sent for leases that run out, and are lost while the database connection is down.
    public var pollSeconds: Double = 5

    /// Seconds `JobQueue.open` waits for its first connection before it reports the queue unreachable (later,
    /// a worker waits for the database as long as it takes: a restart is not a reason to exit).
    public var connectSeconds: Double = 30

    /// The defaults above.
    public init() {}
}
