import PostgresNIO

/// The queue's tables, as an ordered list of migrations. Each component of the database (the queue now, the
/// catalog next) keeps its version in `liveinsight_schema`, so they migrate independently in one database.
enum QueueSchema {
    /// This component's row in `liveinsight_schema`.
    static let component = "queue"
    /// The channel `LISTEN`ed on by idle workers; every job that becomes queued is announced there.
    static let channel = "liveinsight_queue"
    /// Arbitrary but fixed: the advisory lock that serialises migrations when many workers start at once.
    static let migrationLock: Int64 = 0x4C49_5153  // "LIQS"

    /// Migration n (1-based) brings the schema from version n-1 to n; its statements run in one transaction.
    /// Never edit a shipped one: append.
    static let migrations: [[String]] = [
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
    ]

    /// Brings the database's queue schema to the newest version; safe when several processes do it at once.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS liveinsight_schema (
                    component text PRIMARY KEY, version integer NOT NULL,
                    migrated_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            let rows = try await connection.query(
                "SELECT version FROM liveinsight_schema WHERE component = \(component)", logger: logger)
            var version = 0
            for try await found in rows.decode(Int.self) { version = found }
            guard version <= migrations.count else {
                throw JobQueueError.schemaTooNew(found: version, known: migrations.count)
            }
            for statement in migrations.dropFirst(version).joined() {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query(
                """
                INSERT INTO liveinsight_schema (component, version) VALUES (\(component), \(migrations.count))
                ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, migrated_at = now()
                """, logger: logger)
        }
    }
}
