import PostgresNIO

extension JobQueue {
    /// How many jobs are in each state (states with none are absent).
    public func counts() async throws(JobQueueError) -> [JobState: Int] {
        try await perform("counting jobs") {
            var counts: [JobState: Int] = [:]
            let rows = try await client.query("SELECT state, count(*) FROM queue_jobs GROUP BY state", logger: logger)
            for try await (state, count) in rows.decode((String, Int).self) {
                if let state = JobState(rawValue: state) { counts[state] = count }
            }
            return counts
        }
    }

    /// The jobs in `state`, or every job; oldest first.
    public func jobs(in state: JobState? = nil) async throws(JobQueueError) -> [QueuedJob] {
        try await fetchJobs(
            "listing jobs",
            """
            SELECT \(unescaped: QueuedJob.columns) FROM queue_jobs
            WHERE \(state?.rawValue)::text IS NULL OR state = \(state?.rawValue) ORDER BY id
            """)
    }

    /// Queues a dead-lettered job again with a fresh count of attempts (its last reason is kept until it is
    /// overwritten). False when job `id` is not dead.
    public func retry(_ id: Int64) async throws(JobQueueError) -> Bool {
        try await perform("retrying job \(id)") {
            var found = false
            for try await _ in try await client.query(
                """
                UPDATE queue_jobs SET state = 'queued', attempts = 0, available_at = now(), finished_at = NULL
                WHERE id = \(id) AND state = 'dead' RETURNING id
                """, logger: logger)
            { found = true }
            return found
        }
    }
}
