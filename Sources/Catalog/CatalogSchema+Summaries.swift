/// The broadcast list's summary rows, appended after the team's migrations; never edit a registered one:
/// append another.
extension CatalogSchema {
    static let summaryMigrations: [CatalogMigration] = [
        // What the list shows of a broadcast's alignment, under the alignment stage key it came from, so the list
        // never decodes a checkpoint. Rows are written by the alignment stage; older workspaces get theirs the
        // first time the list finds a broadcast aligned without one (`CatalogListing`).
        CatalogMigration(name: "v6: broadcast summaries for the list") { sql in
            [
                """
                CREATE TABLE broadcast_summaries (
                    broadcast_id TEXT PRIMARY KEY NOT NULL REFERENCES broadcasts(id), key TEXT NOT NULL, title TEXT,
                    start \(sql.datetime), duration \(sql.double) NOT NULL, mentions \(sql.integer) NOT NULL,
                    figures TEXT NOT NULL, recorded \(sql.datetime) NOT NULL)
                """
            ]
        }
    ]
}
