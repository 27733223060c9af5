import Checkpoints
import GRDB

/// The catalog's schema as an ordered list of migrations. Never edit a registered migration: append one.
enum CatalogSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: broadcasts, jobs, stage runs, keyword lists") { db in
            try db.create(table: "broadcasts") { table in
                table.primaryKey("id", .text)
                table.column("name", .text).notNull()
                table.column("source_path", .text).notNull()
                table.column("bytes", .integer).notNull()
                table.column("duration", .double)
                table.column("created", .datetime).notNull()
            }
            try db.create(table: "jobs") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("broadcast_id", .text).references("broadcasts")
                table.column("file", .text).notNull()
                table.column("origin", .text).notNull()
                table.column("status", .text).notNull()
                    .check(sql: "status IN ('queued', 'running', 'done', 'failed', 'cancelled')")
                table.column("outcome", .text)
                table.column("claimed_host", .text)
                table.column("claimed_pid", .integer)
                table.column("heartbeat", .datetime)
                table.column("error", .text)
                table.column("created", .datetime).notNull()
                table.column("started", .datetime)
                table.column("finished", .datetime)
                table.column("attempts", .integer).notNull().defaults(to: 0)
            }
            // At most one live job per inbox file: watchers that see the same file enqueue it once.
            try db.execute(
                sql: """
                    CREATE UNIQUE INDEX jobs_one_live_job_per_inbox_file ON jobs(file)
                    WHERE origin = 'inbox' AND status IN ('queued', 'running')
                    """)
            try db.create(index: "jobs_by_status", on: "jobs", columns: ["status", "id"])
            try db.create(table: "stage_runs") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("broadcast_id", .text).notNull().references("broadcasts")
                table.column("job_id", .integer).references("jobs")
                table.column("stage", .text).notNull()
                table.column("key", .text).notNull()
                table.column("status", .text).notNull()
                    .check(sql: "status IN ('running', 'done', 'failed', 'reused')")
                table.column("started", .datetime).notNull()
                table.column("finished", .datetime)
                table.column("seconds", .double)
                table.column("error", .text)
            }
            try db.create(index: "stage_runs_by_broadcast", on: "stage_runs", columns: ["broadcast_id", "stage"])
            try db.create(table: "keyword_lists") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("sha256", .text).notNull().unique()
                table.column("name", .text).notNull()
                table.column("path", .text).notNull()
                table.column("content", .text).notNull()
                table.column("added", .datetime).notNull()
            }
        }
        migrator.registerMigration("v2: recording digests by file identity") { db in
            try db.create(table: "file_digests") { table in
                table.primaryKey("path", .text)
                table.column("device", .integer).notNull()
                table.column("inode", .integer).notNull()
                table.column("bytes", .integer).notNull()
                table.column("modified_ns", .integer).notNull()
                table.column("changed_ns", .integer).notNull()
                table.column("sha256", .text).notNull()
            }
        }
        migrator.registerMigration("v3: validation figures") { db in
            // The validation stage's corpus figures, one row per broadcast, under the stage key they belong to.
            try db.create(table: "validation_results") { table in
                table.primaryKey("broadcast_id", .text).references("broadcasts")
                table.column("key", .text).notNull()
                table.column("cer", .double).notNull()
                table.column("wer", .double).notNull()
                table.column("sentence_error_rate", .double).notNull()
                table.column("items", .integer).notNull()
                for unit in ["characters", "words"] {
                    table.column(unit, .integer).notNull()
                    for count in ["substitutions", "deletions", "insertions"] {
                        table.column(unit + "_" + count, .integer).notNull()
                    }
                }
                table.column("validated", .datetime).notNull()
            }
        }
        migrator.registerMigration("v4: orders, purchases and items (customers and recommendations)") { db in
            // One row per imported order file or broadcast event log; re-importing the same source replaces its
            // purchases.
            try db.create(table: "order_sources") { table in
                table.primaryKey("source", .text)
                table.column("kind", .text).notNull().check(sql: "kind IN ('file', 'broadcast')")
                table.column("path", .text).notNull()
                table.column("counts", .text).notNull()
                table.column("imported", .datetime).notNull()
            }
            try db.create(table: "purchases") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("source", .text).notNull().references("order_sources", onDelete: .cascade)
                table.column("customer", .text).notNull()
                table.column("item", .text).notNull()
                table.column("quantity", .integer).notNull()
                table.column("unit_price", .double).notNull()
                table.column("time", .double).notNull()
                table.column("order_id", .text)
            }
            try db.create(index: "purchases_by_customer", on: "purchases", columns: ["customer", "time"])
            try db.create(index: "purchases_by_source", on: "purchases", columns: ["source"])
            try db.create(table: "items") { table in
                table.primaryKey("id", .text)
                table.column("text", .text).notNull()
                table.column("category", .text)
                table.column("price", .double)
            }
        }
        migrator.registerMigration("v5: product views (viewed together)") { db in
            // A broadcast's product_view events, replaced with its purchases on each import.
            try db.create(table: "product_views") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("source", .text).notNull().references("order_sources", onDelete: .cascade)
                table.column("customer", .text).notNull()
                table.column("item", .text).notNull()
                table.column("time", .double).notNull()
            }
            try db.create(index: "product_views_by_source", on: "product_views", columns: ["source"])
        }
        registerTeamMigrations(&migrator)
        registerSummaryMigrations(&migrator)
        return migrator
    }
}
