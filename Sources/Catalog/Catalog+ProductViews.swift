import Checkpoints
import Commerce
import Foundation
import GRDB

extension Catalog {
    /// Replaces the product views of `source` (a broadcast already recorded in `order_sources`) in one transaction.
    public func replaceProductViews(source: String, views: [ProductView]) throws(PipelineError) {
        try write { db in
            try db.execute(sql: "DELETE FROM product_views WHERE source = ?", arguments: [source])
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO product_views (source, customer, item, time) VALUES (?, ?, ?, ?)
                    """)
            for view in views {
                try insert.execute(arguments: [source, view.customer, view.item, view.time.timeIntervalSince1970])
            }
        }
    }

    /// Every product view in the catalog, oldest first, with the broadcast it came from.
    public func productViews() throws(PipelineError) -> [ProductView] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT customer, item, time, source FROM product_views ORDER BY time, id
                    """)
            var views: [ProductView] = []
            while let row = try rows.next() {
                let source: String = row[3]
                let broadcast = source.hasPrefix("broadcast:") ? String(source.dropFirst("broadcast:".count)) : nil
                views.append(
                    ProductView(
                        customer: row[0], item: row[1], time: Date(timeIntervalSince1970: row[2]),
                        broadcast: broadcast))
            }
            return views
        }
    }
}
