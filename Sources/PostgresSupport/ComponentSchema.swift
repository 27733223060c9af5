import PostgresNIO

/// One component's tables in a shared LiveInsight database (the job queue's, the catalog's), as an ordered list
/// of migrations. Each component keeps its version in `liveinsight_schema`, so components migrate independently
/// in one database, and many processes starting at once migrate it once (under an advisory lock).
public struct ComponentSchema: Sendable {
    /// The component's row in `liveinsight_schema`.
    public let component: String
    /// Migration n (1-based) brings the schema from version n-1 to n. Never edit a shipped one: append.
    public let migrations: [[String]]

    /// Arbitrary but fixed: the advisory lock that serialises migrations of every component.
    static let migrationLock: Int64 = 0x4C49_5153  // "LIQS"

    public init(component: String, migrations: [[String]]) {
        (self.component, self.migrations) = (component, migrations)
    }

    /// The newest version this tool knows.
    public var version: Int { migrations.count }

    /// Brings the component's tables on `connection` to the newest version in one transaction; the future fails
    /// with `SchemaTooNew` when a newer tool already migrated them further. Returns the version found before.
    public func migrate(_ connection: PostgresConnection, logger: Logger) -> EventLoopFuture<Int> {
        @Sendable func run(_ sql: String) -> EventLoopFuture<PostgresQueryResult> {
            connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
        let bindings: PostgresBindings = {
            var bindings = PostgresBindings()
            bindings.append(component)
            return bindings
        }()
        let found = run("BEGIN")
            .flatMap { _ in run("SELECT pg_advisory_xact_lock(\(Self.migrationLock))") }
            .flatMap { _ in
                run(
                    """
                    CREATE TABLE IF NOT EXISTS liveinsight_schema (
                        component text PRIMARY KEY, version integer NOT NULL,
                        migrated_at timestamptz NOT NULL DEFAULT now())
                    """)
            }
            .flatMap { _ in
                connection.query(
                    PostgresQuery(
                        unsafeSQL: "SELECT version FROM liveinsight_schema WHERE component = $1", binds: bindings),
                    logger: logger)
            }
            .flatMapThrowing { result -> Int in
                let version = try result.rows.first.map { try $0.decode(Int.self) } ?? 0
                guard version <= migrations.count else {
                    throw SchemaTooNew(component: component, found: version, known: migrations.count)
                }
                return version
            }
        let migrated = found.flatMap { version -> EventLoopFuture<Int> in
            var step = connection.eventLoop.makeSucceededVoidFuture()
            for statement in migrations.dropFirst(version).joined() {
                step = step.flatMap { run(statement).map { _ in } }
            }
            return step.flatMap { _ in
                var upsert = PostgresBindings()
                upsert.append(component)
                upsert.append(migrations.count)
                return connection.query(
                    PostgresQuery(
                        unsafeSQL: """
                            INSERT INTO liveinsight_schema (component, version) VALUES ($1, $2)
                            ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, migrated_at = now()
                            """, binds: upsert), logger: logger)
            }
            .flatMap { _ in run("COMMIT") }
            .map { _ in version }
        }
        return migrated.flatMapError { error in
            run("ROLLBACK").map { _ in }.recover { _ in }.flatMapThrowing { throw error }
        }
    }
}

/// The database holds a component's tables at a newer version than this tool knows (a newer tool migrated it).
public struct SchemaTooNew: Error, Equatable, CustomStringConvertible {
    /// The component (`queue`, `catalog`).
    public var component: String
    /// The version found, and the newest this tool knows.
    public var found, known: Int

    public var description: String {
        "the database's \(component) schema is version \(found), this tool knows up to \(known): upgrade liveinsight"
    }
}
