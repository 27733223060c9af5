import GRDB

/// The broadcast list's summary rows, appended after the team's migrations; never edit a registered one:
/// append another.
extension CatalogSchema {
    static func registerSummaryMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6: broadcast summaries for the list") { db in
            // What the list shows of a broadcast's alignment, under the alignment stage key it came from, so the
            // list never decodes a checkpoint. Rows are written by the alignment stage; older workspaces get theirs
            // the first time the list finds a broadcast aligned without one (`CatalogListing`).
            try db.create(table: "broadcast_summaries") { table in
                table.primaryKey("broadcast_id", .text).references("broadcasts")
                table.column("key", .text).notNull()
                table.column("title", .text)
                table.column("start", .datetime)
                table.column("duration", .double).notNull()
                table.column("mentions", .integer).notNull()
                table.column("figures", .text).notNull()
                table.column("recorded", .datetime).notNull()
            }
        }
    }
}
