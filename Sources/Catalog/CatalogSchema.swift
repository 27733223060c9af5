import GRDB
import PostgresSupport

/// One step of the catalog's schema: its name (GRDB's migration identifier in SQLite files) and its statements,
/// written once for both engines with the dialect's column types.
struct CatalogMigration: Sendable {
    let name: String
    let statements: @Sendable (SQLDialect) -> [String]
}

/// The catalog's schema as an ordered list of migrations. Never edit a registered migration: append one.
/// SQLite files record the applied ones by name (GRDB's migrator); PostgreSQL records the `catalog`
/// component's version in `liveinsight_schema`, beside the job queue's.
enum CatalogSchema {
    static let migrations: [CatalogMigration] =
        pipelineMigrations + teamMigrations + summaryMigrations + sessionMigrations

    static var sqliteMigrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.name) { db in
                for statement in migration.statements(.sqlite) { try db.execute(sql: statement) }
            }
        }
        return migrator
    }

    static let postgres = ComponentSchema(
        component: "catalog", migrations: migrations.map { $0.statements(.postgresql) })

    private static let pipelineMigrations: [CatalogMigration] = [
        CatalogMigration(name: "v1: broadcasts, jobs, stage runs, keyword lists") { sql in
            [
                """
                CREATE TABLE broadcasts (
                    id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, source_path TEXT NOT NULL,
                    bytes \(sql.integer) NOT NULL, duration \(sql.double), created \(sql.datetime) NOT NULL)
                """,
                """
                CREATE TABLE jobs (
                    \(sql.serialKey), broadcast_id TEXT REFERENCES broadcasts(id), file TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
                    outcome TEXT, claimed_host TEXT, claimed_pid \(sql.integer), heartbeat \(sql.datetime), error TEXT,
                    created \(sql.datetime) NOT NULL, started \(sql.datetime), finished \(sql.datetime),
                    attempts \(sql.integer) NOT NULL DEFAULT 0)
                """,
                // At most one live job per inbox file: watchers that see the same file enqueue it once.
                """
                CREATE UNIQUE INDEX jobs_one_live_job_per_inbox_file ON jobs(file)
                WHERE origin = 'inbox' AND status IN ('queued', 'running')
                """,
                "CREATE INDEX jobs_by_status ON jobs(status, id)",
                """
                CREATE TABLE stage_runs (
                    \(sql.serialKey), broadcast_id TEXT NOT NULL REFERENCES broadcasts(id),
                    job_id \(sql.integer) REFERENCES jobs(id), stage TEXT NOT NULL, key TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'reused')),
                    started \(sql.datetime) NOT NULL, finished \(sql.datetime), seconds \(sql.double), error TEXT)
                """,
                "CREATE INDEX stage_runs_by_broadcast ON stage_runs(broadcast_id, stage)",
                """
                CREATE TABLE keyword_lists (
                    \(sql.serialKey), sha256 TEXT NOT NULL UNIQUE, name TEXT NOT NULL, path TEXT NOT NULL,
                    content TEXT NOT NULL, added \(sql.datetime) NOT NULL)
                """,
            ]
        },
        CatalogMigration(name: "v2: recording digests by file identity") { sql in
            [
                """
                CREATE TABLE file_digests (
                    path TEXT PRIMARY KEY NOT NULL, device \(sql.integer) NOT NULL, inode \(sql.integer) NOT NULL,
                    bytes \(sql.integer) NOT NULL, modified_ns \(sql.integer) NOT NULL,
                    changed_ns \(sql.integer) NOT NULL, sha256 TEXT NOT NULL)
                """
            ]
        },
        // The validation stage's corpus figures, one row per broadcast, under the stage key they belong to.
        CatalogMigration(name: "v3: validation figures") { sql in
            let counts = ["characters", "words"].flatMap { unit in
                [unit] + ["substitutions", "deletions", "insertions"].map { unit + "_" + $0 }
            }
            return [
                """
                CREATE TABLE validation_results (
                    broadcast_id TEXT PRIMARY KEY NOT NULL REFERENCES broadcasts(id), key TEXT NOT NULL,
                    cer \(sql.double) NOT NULL, wer \(sql.double) NOT NULL,
                    sentence_error_rate \(sql.double) NOT NULL, items \(sql.integer) NOT NULL,
                    \(counts.map { "\($0) \(sql.integer) NOT NULL" }.joined(separator: ", ")),
                    validated \(sql.datetime) NOT NULL)
                """
            ]
        },
        // One row per imported order file or broadcast event log; re-importing the same source replaces its
        // purchases.
        CatalogMigration(name: "v4: orders, purchases and items (customers and recommendations)") { sql in
            [
                """
                CREATE TABLE order_sources (
                    source TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('file', 'broadcast')),
                    path TEXT NOT NULL, counts TEXT NOT NULL, imported \(sql.datetime) NOT NULL)
                """,
                """
                CREATE TABLE purchases (
                    \(sql.serialKey), source TEXT NOT NULL REFERENCES order_sources(source) ON DELETE CASCADE,
                    customer TEXT NOT NULL, item TEXT NOT NULL, quantity \(sql.integer) NOT NULL,
                    unit_price \(sql.double) NOT NULL, time \(sql.double) NOT NULL, order_id TEXT)
                """,
                "CREATE INDEX purchases_by_customer ON purchases(customer, time)",
                "CREATE INDEX purchases_by_source ON purchases(source)",
                """
                CREATE TABLE items (
                    id TEXT PRIMARY KEY NOT NULL, text TEXT NOT NULL, category TEXT, price \(sql.double))
                """,
            ]
        },
        // A broadcast's product_view events, replaced with its purchases on each import.
        CatalogMigration(name: "v5: product views (viewed together)") { sql in
            [
                """
                CREATE TABLE product_views (
                    \(sql.serialKey), source TEXT NOT NULL REFERENCES order_sources(source) ON DELETE CASCADE,
                    customer TEXT NOT NULL, item TEXT NOT NULL, time \(sql.double) NOT NULL)
                """,
                "CREATE INDEX product_views_by_source ON product_views(source)",
            ]
        },
    ]
}
