import Foundation
import PostgresNIO
import PostgresSupport

/// The shared job queue of many workers on many machines: one PostgreSQL table. A claim takes the oldest
/// due job with `FOR UPDATE SKIP LOCKED` (claimers never wait on each other and never share a job) and holds
/// it under a lease that heartbeats extend; a job whose lease ran out (its worker died) is claimed again.
/// Every claim counts an attempt; a job that fails `maxAttempts` times is dead-lettered with its reason.
///
/// Updates made under a claim are fenced by its attempt number, so a worker that lost its lease can no
/// longer finish, fail or release the job that another worker now holds.
public final class JobQueue: Sendable {
    /// Where the queue lives.
    public let address: PostgresAddress
    /// Leases, attempts, retry delay, polling.
    public let options: QueueOptions
    let client: PostgresClient
    let logger: Logger

    private init(address: PostgresAddress, options: QueueOptions) {
        (self.address, self.options) = (address, options)
        client = PostgresClient(configuration: address.clientConfiguration)
        var logger = Logger(label: "liveinsight.queue")
        logger.logLevel = .critical  // failures reach callers as errors; postgres-nio's chatter stays out of logs
        self.logger = logger
    }

    /// Connects to the queue at `address`, brings its schema up to date, runs `body` with it and closes the
    /// connections. Throws `.unreachable` when no connection comes within `options.connectSeconds`; after
    /// that, operations wait for the database while it is down.
    public static func open<Result>(
        _ address: PostgresAddress, options: QueueOptions = QueueOptions(),
        _ body: (JobQueue) async throws -> Result
    ) async throws -> Result {
        let queue = JobQueue(address: address, options: options)
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
            group.addTask { await queue.client.run() }
            defer { group.cancelAll() }
            try await queue.migrateWithin(seconds: options.connectSeconds)
            return try await body(queue)
        }
    }

    /// Brings the schema up to date, or throws `.unreachable` when no connection came within `seconds`.
    private func migrateWithin(seconds: Double) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                _ = try await self.perform("migrating the schema") {
                    try await self.client.withConnection {
                        try await QueueSchema.schema.migrate($0, logger: self.logger).get()
                    }
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw JobQueueError.unreachable(address: self.address.description, seconds: seconds)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Queues `submission` unless a job with the same content hash exists (in any state): submitting is
    /// idempotent, and the same recording dropped on two machines is processed once.
    public func submit(_ submission: JobSubmission) async throws(JobQueueError) -> SubmitOutcome {
        let companions = String(decoding: try JSONEncoder().encodeSorted(submission.companions), as: UTF8.self)
        let inserted = try await fetchJobs(
            "submitting \(submission.recording)",
            """
            INSERT INTO queue_jobs (content_hash, recording, companions, max_attempts)
            VALUES (\(submission.contentHash), \(submission.recording), \(companions)::jsonb, \(options.maxAttempts))
            ON CONFLICT (content_hash) DO NOTHING
            RETURNING \(unescaped: QueuedJob.columns)
            """)
        if let job = inserted.first { return .queued(job) }
        let existing = try await fetchJobs(
            "looking up \(submission.recording)",
            """
            SELECT \(unescaped: QueuedJob.columns) FROM queue_jobs WHERE content_hash = \(submission.contentHash)
            """)
        guard let job = existing.first else {
            throw .database(
                operation: "submitting \(submission.recording)",
                detail: "the job vanished while submitting")
        }
        return .alreadySubmitted(job)
    }

    /// Claims the oldest due job for `worker` under a fresh lease, or returns nil when there is none. Jobs whose
    /// lease ran out are due again, unless that was their last attempt: those are dead-lettered first.
    public func claim(worker: String) async throws(JobQueueError) -> ClaimedJob? {
        try await perform("dead-lettering abandoned jobs") {
            _ = try await client.query(
                """
                UPDATE queue_jobs SET state = 'dead', finished_at = now(), lease_until = NULL,
                    last_error = 'its worker (' || coalesce(worker, '?') || ') stopped answering on attempt '
                        || attempts || ' of ' || max_attempts
                WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts
                """, logger: logger)
        }
        let claimed = try await fetchJobs(
            "claiming a job",
            """
            WITH next AS (
                SELECT id FROM queue_jobs
                WHERE (state = 'queued' AND available_at <= now()) OR (state = 'running' AND lease_until < now())
                ORDER BY id LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE queue_jobs AS job SET state = 'running', worker = \(worker), attempts = job.attempts + 1,
                lease_until = now() + \(options.leaseSeconds) * interval '1 second', started_at = now()
            FROM next WHERE job.id = next.id
            RETURNING \(unescaped: QueuedJob.columns(prefix: "job."))
            """)
        return claimed.first.map { ClaimedJob(job: $0, worker: worker) }
    }

    /// Extends the claim's lease. False when the claim is no longer held (its lease ran out and another
    /// worker took the job, or it was dead-lettered).
    public func heartbeat(_ claim: ClaimedJob) async throws(JobQueueError) -> Bool {
        try await update(
            "extending the lease of job \(claim.job.id)", claim,
            set: "lease_until = now() + claim.lease * interval '1 second'") != nil
    }

    /// Marks the claimed job done, with the broadcast it became. False when the claim was no longer held.
    @discardableResult
    public func complete(_ claim: ClaimedJob, broadcast: String) async throws(JobQueueError) -> Bool {
        try await update(
            "completing job \(claim.job.id)", claim,
            set: """
                state = 'done', broadcast = claim.value, finished_at = now(), lease_until = NULL, last_error = NULL
                """, value: broadcast) != nil
    }

    /// Records that the claimed attempt failed with `reason`: the job is queued again after the retry delay,
    /// or dead-lettered if that was its last attempt. Returns its new state; nil when the claim was no longer held.
    @discardableResult
    public func fail(_ claim: ClaimedJob, reason: String) async throws(JobQueueError) -> JobState? {
        try await update(
            "failing job \(claim.job.id)", claim,
            set: """
                last_error = claim.value, lease_until = NULL,
                state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
                finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
                available_at = now() + claim.retry * interval '1 second'
                """, value: reason)
    }

    /// Gives the claimed job back untried (a worker shutting down): queued again at once, the attempt not
    /// counted. False when the claim was no longer held.
    @discardableResult
    public func release(_ claim: ClaimedJob) async throws(JobQueueError) -> Bool {
        try await update(
            "releasing job \(claim.job.id)", claim,
            set: """
                state = 'queued', attempts = attempts - 1, lease_until = NULL, available_at = now()
                """) != nil
    }

    /// Applies `assignments` to the claimed job if the claim still holds it (same worker, same attempt, still
    /// running) and returns the job's new state, else nil. The assignments may read `claim.value` (text),
    /// `claim.lease` and `claim.retry` (seconds).
    private func update(
        _ operation: String, _ claim: ClaimedJob, set assignments: String,
        value: String? = nil
    ) async throws(JobQueueError) -> JobState? {
        let query: PostgresQuery = """
            WITH claim AS (SELECT \(claim.job.id)::bigint AS id, \(claim.attempt)::integer AS attempt,
                \(claim.worker)::text AS worker, \(value)::text AS value,
                \(options.leaseSeconds)::float8 AS lease, \(options.retryDelaySeconds)::float8 AS retry)
            UPDATE queue_jobs SET \(unescaped: assignments) FROM claim
            WHERE queue_jobs.id = claim.id AND queue_jobs.state = 'running'
                AND queue_jobs.attempts = claim.attempt AND queue_jobs.worker = claim.worker
            RETURNING queue_jobs.state
            """
        return try await perform(operation) {
            var state: JobState?
            for try await found in try await client.query(query, logger: logger).decode(String.self) {
                state = JobState(rawValue: found)
            }
            return state
        }
    }

    /// Runs `query` and decodes its rows as jobs.
    func fetchJobs(_ operation: String, _ query: PostgresQuery) async throws(JobQueueError) -> [QueuedJob] {
        try await perform(operation) {
            var found: [QueuedJob] = []
            for try await row in try await client.query(query, logger: logger) { found.append(try QueuedJob(row)) }
            return found
        }
    }

    /// Runs `body`, reporting any failure as `.database(operation:…)`.
    func perform<Value>(_ operation: String, _ body: () async throws -> Value) async throws(JobQueueError) -> Value {
        do {
            return try await body()
        } catch let error as JobQueueError {
            throw error
        } catch let error as PSQLError {
            throw .database(operation: operation, detail: error.serverInfo?[.message] ?? "\(error.code)")
        } catch {
            throw .database(operation: operation, detail: "\(error)")
        }
    }
}

extension JSONEncoder {
    /// `value` as JSON with sorted keys (stable bytes for the same companions).
    func encodeSorted(_ value: some Encodable) throws(JobQueueError) -> Data {
        outputFormatting = [.sortedKeys]
        do { return try encode(value) } catch { throw .database(operation: "encoding", detail: "\(error)") }
    }
}
