import PostgresSupport

/// The queue's tables, as an ordered list of migrations: the `queue` component of the shared database (the
/// catalog's tables are another component, migrated independently).
enum QueueSchema {
    /// The channel `LISTEN`ed on by idle workers; every job that becomes queued is announced there.
    static let channel = "liveinsight_queue"
    /// Migration n (1-based) brings the schema from version n-1 to n; its statements run in one transaction.
    /// Never edit a shipped one: append.
    static let schema = ComponentSchema(
        component: "queue",
        migrations: [
            [
                """
                CREATE TABLE queue_jobs (
                    id bigserial PRIMARY KEY,
                    content_hash text NOT NULL UNIQUE,
                    recording text NOT NULL,
                    companions jsonb NOT NULL DEFAULT '{}',
                    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'dead')),
                    attempts integer NOT NULL DEFAULT 0,
                    max_attempts integer NOT NULL CHECK (max_attempts >= 1),
                    worker text,
                    lease_until timestamptz,
                    available_at timestamptz NOT NULL DEFAULT now(),
                    last_error text,
                    broadcast text,
                    submitted_at timestamptz NOT NULL DEFAULT now(),
                    started_at timestamptz,
                    finished_at timestamptz
                )
                """,
                // What a claim scans: queued jobs that are due, and running jobs whose lease ran out.
                "CREATE INDEX queue_jobs_due ON queue_jobs (available_at, id) WHERE state = 'queued'",
                "CREATE INDEX queue_jobs_leases ON queue_jobs (lease_until) WHERE state = 'running'",
                """
                CREATE FUNCTION queue_jobs_announce() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('\(channel)', NEW.id::text);
                    RETURN NULL;
                END $$
                """,
                // A trigger, not the callers: whoever queues a job (submit, a release, a retry, a future `watch`)
                // wakes the idle workers.
                """
                CREATE TRIGGER queue_jobs_queued AFTER INSERT OR UPDATE OF state ON queue_jobs
                FOR EACH ROW WHEN (NEW.state = 'queued') EXECUTE FUNCTION queue_jobs_announce()
                """,
            ]
        ])
}
