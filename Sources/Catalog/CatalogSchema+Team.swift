import Checkpoints
import GRDB

/// The dashboard team's tables: accounts, the Q&A board, catchphrases and review alerts. Appended after the
/// pipeline's own migrations; never edit a registered one: append another.
extension CatalogSchema {
    static func registerTeamMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("team v1: accounts, board, catchphrases, review alerts") { db in
            try db.create(table: "accounts") { table in
                table.primaryKey("name", .text)
                table.column("role", .text).notNull().check(sql: "role IN ('admin', 'analyst', 'viewer')")
                table.column("password_hash", .text).notNull()
                table.column("created", .datetime).notNull()
            }
            try db.create(table: "inquiries") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("title", .text).notNull()
                table.column("body", .text).notNull()
                table.column("broadcast_id", .text)
                table.column("product_id", .text)
                table.column("author", .text).notNull()
                table.column("created", .datetime).notNull()
                table.column("status", .text).notNull()
                    .check(sql: "status IN ('open', 'answered', 'approved', 'rejected')")
            }
            try db.create(index: "inquiries_by_status", on: "inquiries", columns: ["status", "id"])
            try db.create(table: "answers") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("inquiry_id", .integer).notNull().references("inquiries", onDelete: .cascade)
                table.column("body", .text).notNull()
                table.column("author", .text).notNull()
                table.column("created", .datetime).notNull()
            }
            try db.create(index: "answers_by_inquiry", on: "answers", columns: ["inquiry_id", "id"])
            try db.create(table: "catchphrases") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("product_id", .text).notNull()
                table.column("topic", .text).notNull()
                table.column("hook", .text).notNull()
                table.column("line", .text).notNull()
                table.column("evidence", .text).notNull()  // CatchphraseEvidence as JSON
                table.column("state", .text).notNull().check(sql: "state IN ('suggested', 'approved', 'rejected')")
                table.column("changed_by", .text)
                table.column("created", .datetime).notNull()
                table.column("changed", .datetime)
            }
            try db.create(table: "review_alerts") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("broadcast_id", .text)
                table.column("source", .text).notNull()
                table.column("position", .integer).notNull()  // the alert's place among the source's alerts
                table.column("product_id", .text).notNull()
                table.column("topic", .text).notNull()
                table.column("alert", .text).notNull()  // Reviews.ReviewAlert as JSON
                table.column("raised", .datetime).notNull()
                table.column("state", .text).notNull().check(sql: "state IN ('open', 'acknowledged', 'resolved')")
                table.column("changed_by", .text)
                table.column("changed", .datetime)
                table.uniqueKey(["source", "position", "product_id", "topic"])
            }
        }
    }
}
