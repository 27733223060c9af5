import Checkpoints
import Commerce
import Foundation

extension Catalog {
    /// Replaces the product views of `source` (a broadcast already recorded in `order_sources`) in one transaction.
    public func replaceProductViews(source: String, views: [ProductView]) throws(PipelineError) {
        try write { db in
            try db.execute("DELETE FROM product_views WHERE source = ?", [source])
            try db.insert(
                into: "product_views", columns: ["source", "customer", "item", "time"],
                rows: views.map { [source, $0.customer, $0.item, $0.time.timeIntervalSince1970] })
        }
    }

    /// Every product view in the catalog, oldest first, with the broadcast it came from.
    public func productViews() throws(PipelineError) -> [ProductView] {
        try read { db in
            try db.query("SELECT customer, item, time, source FROM product_views ORDER BY time, id").map { row in
                let source: String = try row[3]
                let broadcast = source.hasPrefix("broadcast:") ? String(source.dropFirst("broadcast:".count)) : nil
                return ProductView(
                    customer: try row[0], item: try row[1], time: Date(timeIntervalSince1970: try row[2]),
                    broadcast: broadcast)
            }
        }
    }
}
