import Checkpoints
import Foundation

/// The process that holds a job: host name and process id. Machines that share a catalog need distinct host names:
/// a job of this host whose process is gone is reclaimed at once, another host's only once its heartbeat stops.
public struct JobOwner: Sendable, Equatable {
    /// Host name.
    public var host: String
    /// Process id on that host.
    public var pid: Int32

    public init(host: String, pid: Int32) { (self.host, self.pid) = (host, pid) }

    /// This process.
    public static var current: JobOwner {
        JobOwner(host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier)
    }

    /// Whether process `pid` exists on this host.
    public static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}

extension Catalog {
    /// Queues each of `files` from `workspace`'s watched folder that still exists and has no live (queued or
    /// running) job, in one transaction. Returns how many jobs were added. A job names its file relative to the
    /// workspace (`Workspace.sharedPath(of:)`), so that watchers on machines that mount a shared workspace at
    /// different paths see one file as one job, and each opens it from its own mount
    /// (`Workspace.absolutePath(of:)`). Safe to call from several watchers at once: a worker moves a file out of
    /// the inbox before it marks its job done, so a file seen by a scan that raced with that worker is either
    /// still covered by the live job or gone.
    @discardableResult
    public func enqueue(files: [String], in workspace: Workspace, now: Date = Date()) throws(PipelineError) -> Int {
        guard !files.isEmpty else { return 0 }
        return try write { db in
            var added = 0
            for file in files where FileDigest.size(of: file) != nil {
                let stored = workspace.sharedPath(of: file)
                // A live job queued by an earlier version names the file by its absolute path: it covers it.
                if stored != file,
                    try db.exists(
                        "SELECT 1 FROM jobs WHERE file = ? AND origin = 'inbox' AND status IN ('queued', 'running')",
                        [file])
                {
                    continue
                }
                added += try db.execute(
                    """
                    INSERT INTO jobs (file, origin, status, created, attempts) VALUES (?, 'inbox', 'queued', ?, 0)
                    ON CONFLICT DO NOTHING
                    """, [stored, now])
            }
            return added
        }
    }

    /// Claims the oldest queued inbox job for `owner`, atomically across processes: the status flips from
    /// queued to running in one transaction, so no two workers ever get the same job. `now` (its start and first
    /// heartbeat) defaults to the catalog's clock, `currentTime()`.
    public func claimNextJob(owner: JobOwner, now: Date? = nil) throws(PipelineError) -> JobRecord? {
        let now = try time(now)
        return try write { db in
            let queued = JobRecord.select("WHERE status = 'queued' AND origin = 'inbox' ORDER BY id LIMIT 1")
            while let candidate = try db.query(queued).first.map(JobRecord.init) {
                let claimed = try db.execute(
                    """
                    UPDATE jobs SET status = 'running', claimed_host = ?, claimed_pid = ?, heartbeat = ?,
                        started = ?, attempts = attempts + 1
                    WHERE id = ? AND status = 'queued'
                    """, [owner.host, owner.pid, now, now, candidate.id])
                if claimed == 1 {
                    return try db.query(JobRecord.select("WHERE id = ?"), [candidate.id]).first.map(JobRecord.init)
                }
            }
            return nil
        }
    }

    /// Records a job that a `run` command performs itself (already running), at `now` (default: `currentTime()`).
    public func startDirectJob(file: String, owner: JobOwner, now: Date? = nil) throws(PipelineError) -> Int64 {
        let now = try time(now)
        return try write { db in
            try db.query(
                """
                INSERT INTO jobs (
                    file, origin, status, claimed_host, claimed_pid, heartbeat, created, started, attempts)
                VALUES (?, 'run', 'running', ?, ?, ?, ?, ?, 1) RETURNING id
                """, [file, owner.host, owner.pid, now, now, now])[0][0]
        }
    }

    /// The time by the catalog's clock, for claims, heartbeats and their staleness: a database server's, which
    /// every machine sharing the catalog reads alike, so that watchers whose own clocks differ by more than the
    /// heartbeat timeout still never judge each other's live jobs stale; this machine's for SQLite, which only
    /// processes of one machine share.
    public func currentTime() throws(PipelineError) -> Date {
        try read { db in db.dialect == .sqlite ? Date() : try db.query("SELECT clock_timestamp()")[0][0] }
    }

    /// `given`, else `currentTime()`.
    private func time(_ given: Date?) throws(PipelineError) -> Date {
        if let given { return given }
        return try currentTime()
    }

    /// Refreshes the heartbeat of every running job `owner` holds, to `now` (default: `currentTime()`).
    public func heartbeat(owner: JobOwner, now: Date? = nil) throws(PipelineError) {
        let now = try time(now)
        try write { db in
            try db.execute(
                "UPDATE jobs SET heartbeat = ? WHERE status = 'running' AND claimed_host = ? AND claimed_pid = ?",
                [now, owner.host, owner.pid])
        }
    }

    /// Finds the running jobs whose worker is gone: a process on this host that no longer exists, or
    /// any worker whose heartbeat is older than `staleAfter` seconds at `now` (default: `currentTime()`). Inbox
    /// jobs go back to the queue (their file is still in the inbox); jobs of a killed `run` command are marked
    /// failed. Returns them.
    @discardableResult
    public func reclaimStaleJobs(
        host: String, staleAfter: TimeInterval, isAlive: (Int32) -> Bool = JobOwner.isAlive,
        now: Date? = nil
    ) throws(PipelineError) -> [JobRecord] {
        let now = try time(now)
        return try write { db in
            let running = try db.query(JobRecord.select("WHERE status = 'running'")).map(JobRecord.init)
            let stale = running.filter { job in
                let deadHere = job.claimedHost == host && job.claimedPid.map { !isAlive($0) } ?? true
                let silent = (job.heartbeat ?? .distantPast) < now.addingTimeInterval(-staleAfter)
                return deadHere || silent
            }
            for job in stale where job.origin == .inbox {
                try db.execute(
                    """
                    UPDATE jobs SET status = 'queued', claimed_host = NULL, claimed_pid = NULL, heartbeat = NULL
                    WHERE id = ? AND status = 'running'
                    """, [job.id])
            }
            for job in stale where job.origin == .run {
                try db.execute(
                    "UPDATE jobs SET status = 'failed', error = ?, finished = ? "
                        + "WHERE id = ? AND status = 'running'",
                    ["interrupted: the run command's process ended without finishing", now, job.id])
            }
            return stale
        }
    }

    /// Marks a job done; `outcome` is "processed" or "duplicate".
    public func finishJob(_ id: Int64, broadcast: String, outcome: String, now: Date = Date()) throws(PipelineError) {
        try write { db in
            try db.execute(
                "UPDATE jobs SET status = 'done', broadcast_id = ?, outcome = ?, finished = ?, error = NULL "
                    + "WHERE id = ?", [broadcast, outcome, now, id])
        }
    }

    /// Links a job to its broadcast (known once the file is hashed).
    public func attachJob(_ id: Int64, broadcast: String) throws(PipelineError) {
        try write { db in
            try db.execute("UPDATE jobs SET broadcast_id = ? WHERE id = ?", [broadcast, id])
        }
    }

    /// Marks a running job failed with its one-line reason (one no longer running stays as it is: `cancelJob`).
    public func failJob(_ id: Int64, error: String, now: Date = Date()) throws(PipelineError) {
        try write { db in
            try db.execute(
                "UPDATE jobs SET status = 'failed', error = ?, finished = ? WHERE id = ? AND status = 'running'",
                [error, now, id])
        }
    }

    /// Marks a running job cancelled (its file left the inbox before it was processed). Like `failJob`, leaves a
    /// job that is no longer running as it is: its earlier holder, whose heartbeat had lapsed, may have finished it
    /// and moved its file meanwhile.
    public func cancelJob(_ id: Int64, reason: String, now: Date = Date()) throws(PipelineError) {
        try write { db in
            try db.execute(
                "UPDATE jobs SET status = 'cancelled', error = ?, finished = ? WHERE id = ? AND status = 'running'",
                [reason, now, id])
        }
    }

    /// Puts a running job back in the queue (a clean shutdown interrupted it between stages).
    public func requeueJob(_ id: Int64) throws(PipelineError) {
        try write { db in
            try db.execute(
                """
                UPDATE jobs SET status = 'queued', claimed_host = NULL, claimed_pid = NULL, heartbeat = NULL
                WHERE id = ? AND status = 'running'
                """, [id])
        }
    }

    /// Jobs that are queued or running, in any process.
    public func liveJobCount() throws(PipelineError) -> Int {
        try read { db in try db.query("SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')")[0][0] }
    }

    /// Every job, oldest first.
    public func jobs() throws(PipelineError) -> [JobRecord] {
        try read { db in try db.query(JobRecord.select("ORDER BY id")).map(JobRecord.init) }
    }
}
