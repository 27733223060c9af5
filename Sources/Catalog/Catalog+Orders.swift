import Checkpoints
import Commerce
import Foundation
import Insight

/// Where a set of purchases came from, as the catalog records it.
public struct OrderSourceRecord: Codable, Sendable, Equatable {
    public var source: String
    public var kind: String
    public var path: String
    public var counts: String
    public var imported: Date
}

extension Catalog {
    /// Replaces the purchases of `source` (an order file or a broadcast) with `purchases` in one transaction,
    /// and adds or updates the item descriptions.
    public func replacePurchases(
        source: String, kind: String, path: String, purchases: [Purchase], items: [ItemInfo],
        counts: String, now: Date = Date()
    ) throws(PipelineError) {
        try write { db in
            try db.execute("DELETE FROM purchases WHERE source = ?", [source])
            try db.execute(
                """
                INSERT INTO order_sources (source, kind, path, counts, imported) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(source) DO UPDATE SET kind = excluded.kind, path = excluded.path,
                counts = excluded.counts, imported = excluded.imported
                """, [source, kind, path, counts, now])
            try db.insert(
                into: "purchases",
                columns: ["source", "customer", "item", "quantity", "unit_price", "time", "order_id"],
                rows: purchases.map { purchase in
                    [
                        source, purchase.customer, purchase.item, purchase.quantity, purchase.unitPrice,
                        purchase.time.timeIntervalSince1970, purchase.order,
                    ]
                })
            for info in items {
                try db.execute(
                    """
                    INSERT INTO items (id, text, category, price) VALUES (?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET text = excluded.text,
                    category = coalesce(excluded.category, items.category),
                    price = coalesce(excluded.price, items.price)
                    """, [info.id, info.text, info.category, info.price])
            }
        }
    }

    /// Every purchase in the catalog, from order files and broadcasts alike, oldest first.
    public func purchases() throws(PipelineError) -> [Purchase] {
        try read { db in
            try db.query("SELECT customer, item, quantity, unit_price, time, order_id FROM purchases ORDER BY time, id")
                .map { row in
                    Purchase(
                        customer: try row[0], item: try row[1], quantity: try row[2], unitPrice: try row[3],
                        time: Date(timeIntervalSince1970: try row[4]), order: try row[5])
                }
        }
    }

    /// The item descriptions the catalog holds.
    public func items() throws(PipelineError) -> [ItemInfo] {
        try read { db in
            try db.query("SELECT id, text, category, price FROM items ORDER BY id").map {
                ItemInfo(id: try $0[0], text: try $0[1], category: try $0[2], price: try $0[3])
            }
        }
    }

    /// The imported sources, in import order.
    public func orderSources() throws(PipelineError) -> [OrderSourceRecord] {
        try read { db in
            try db.query("SELECT source, kind, path, counts, imported FROM order_sources ORDER BY imported, source").map
            {
                OrderSourceRecord(
                    source: try $0[0], kind: try $0[1], path: try $0[2], counts: try $0[3], imported: try $0[4])
            }
        }
    }

    /// The event log (and metadata, when given) of every broadcast in the catalog whose inputs hold one
    /// (`inputs/events.csv`, `inputs/meta.json`), in catalog order.
    public func broadcastEventLogs(
        workspace: Workspace
    ) throws(PipelineError) -> [(broadcast: BroadcastRecord, path: String, log: EventLog, metadata: BroadcastMetadata?)]
    {
        var logs: [(broadcast: BroadcastRecord, path: String, log: EventLog, metadata: BroadcastMetadata?)] = []
        for broadcast in try broadcasts() {
            let inputs = workspace.broadcastFolder(broadcast.id) + "/inputs/"
            let eventsPath = inputs + UserInputKind.events.fileName, metaPath = inputs + UserInputKind.metadata.fileName
            guard FileManager.default.fileExists(atPath: eventsPath) else { continue }
            do {
                let metadata =
                    FileManager.default.fileExists(atPath: metaPath) ? try BroadcastMetadata.load(path: metaPath) : nil
                logs.append(
                    (
                        broadcast, eventsPath, try EventLog.load(path: eventsPath, broadcastStart: metadata?.start),
                        metadata
                    ))
            } catch { throw .badInput(path: eventsPath, detail: "\(error)") }
        }
        return logs
    }

    /// Imports the purchases and product views of every broadcast in `workspace` whose inputs hold an event log
    /// (`inputs/events.csv`, with `inputs/meta.json` for the start time and prices), replacing what an earlier
    /// import took from it.
    /// Returns one line per broadcast.
    public func importBroadcastPurchases(workspace: Workspace) throws(PipelineError) -> [String] {
        var lines: [String] = []
        for (broadcast, eventsPath, log, metadata) in try broadcastEventLogs(workspace: workspace) {
            let found = BroadcastPurchases(broadcast: broadcast.id, log: log, metadata: metadata)
            let line =
                "\(found.purchases.count) purchases (\(Set(found.purchases.map(\.customer)).count) viewers); left out "
                + "\(found.withoutViewer) without a viewer id, \(found.withoutProduct) without a product; "
                + "\(found.withoutPrice) without a price (kept at 0)"
            let items = (metadata?.products ?? []).map { ItemInfo(id: $0.id, text: $0.name ?? $0.id, price: $0.price) }
            try replacePurchases(
                source: "broadcast:" + broadcast.id, kind: "broadcast", path: eventsPath, purchases: found.purchases,
                items: items, counts: line)
            let viewed = BroadcastViews(broadcast: broadcast.id, log: log, metadata: metadata)
            try replaceProductViews(source: "broadcast:" + broadcast.id, views: viewed.views)
            let left = viewed.incomplete > 0 ? " (\(viewed.incomplete) without a viewer or product left out)" : ""
            lines.append("\(broadcast.id) (\(broadcast.name)): \(line); \(viewed.views.count) product views\(left)")
        }
        return lines
    }
}
