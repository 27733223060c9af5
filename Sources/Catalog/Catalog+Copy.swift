import Checkpoints
import Foundation

/// Moving a catalog between engines: a workspace's SQLite catalog into a shared PostgreSQL database (or back).
extension Catalog {
    /// Every table, parents before the tables that refer to them; not `dashboard_sessions`, which live hours at
    /// most: after a copy, everyone signs in again.
    static let tables = [
        "broadcasts", "jobs", "stage_runs", "keyword_lists", "file_digests", "validation_results", "order_sources",
        "purchases", "items", "product_views", "accounts", "inquiries", "answers", "catchphrases", "review_alerts",
        "broadcast_summaries",
    ]
    /// The tables whose `id` the database numbers: a copy keeps their ids and moves the numbering past them.
    static let numberedTables: Set = [
        "jobs", "stage_runs", "keyword_lists", "purchases", "product_views", "inquiries", "answers", "catchphrases",
        "review_alerts",
    ]

    /// Copies every row of this catalog into `target`, ids included, in one transaction of `target`: all or
    /// nothing. Refuses a target that holds any row, so nothing is doubled or overwritten. Returns the rows
    /// copied per table, in table order.
    public func copy(into target: Catalog) throws(PipelineError) -> [(table: String, rows: Int)] {
        let source = try read { db in try Self.tables.map { table in (table, try db.query("SELECT * FROM \(table)")) } }
        return try target.write { db in
            for table in Self.tables {
                let count: Int = try db.query("SELECT count(*) FROM \(table)")[0][0]
                guard count == 0 else {
                    throw PipelineError.catalog(
                        path: target.path,
                        detail: "it already holds \(count) row(s) in \(table): copy into an empty catalog")
                }
            }
            var copied: [(table: String, rows: Int)] = []
            for (table, rows) in source {
                let dates = try Self.dateColumns(of: table, in: db)
                if let columns = rows.first?.columns {
                    try db.insert(
                        into: table, columns: columns,
                        rows: rows.map { row in
                            zip(row.columns, row.values).map { column, value -> any SQLValueConvertible in
                                dates.contains(column) ? (Date(sqlValue: value) as Date?) : StoredValue(value: value)
                            }
                        })
                }
                if db.dialect == .postgresql, Self.numberedTables.contains(table) {
                    try db.execute(
                        "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), (SELECT max(id) FROM \(table)))")
                }
                copied.append((table, rows.count))
            }
            return copied
        }
    }

    /// The columns of `table` that hold points in time, which SQLite keeps as text and PostgreSQL as timestamps.
    private static func dateColumns(of table: String, in db: any SQLSession) throws -> Set<String> {
        switch db.dialect {
        case .sqlite:
            return Set(
                try db.query("SELECT name, type FROM pragma_table_info(?)", [table]).compactMap { row in
                    try (row[1] as String).uppercased() == "DATETIME" ? row[0] as String : nil
                })
        case .postgresql:
            return Set(
                try db.query(
                    "SELECT column_name::text FROM information_schema.columns WHERE table_name = ? "
                        + "AND data_type = 'timestamp with time zone'", [table]
                ).map { try $0[0] as String })
        }
    }
}

/// A value copied as it was stored.
private struct StoredValue: SQLValueConvertible {
    let value: SQLValue
    var sqlValue: SQLValue { value }
    init(value: SQLValue) { self.value = value }
    init?(sqlValue value: SQLValue) { self.value = value }
}
