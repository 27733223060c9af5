import Commerce
import Foundation
import Insight
import Pipeline
import Testing

/// Purchases in the workspace catalog (real SQLite through GRDB), from order files and broadcasts.
struct OrderCatalogTests {
    static func temporaryWorkspace() throws -> Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("commerce-\(UUID().uuidString)").path
        let workspace = Workspace(root: root)
        try workspace.create()
        return workspace
    }

    /// Imported purchases come back whole; re-importing a source replaces its rows instead of doubling them.
    @Test func importIsStoredAndReplaced() throws {
        let workspace = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace.root) }
        let catalog = try Catalog(path: workspace.catalogPath)
        let orders = try OrderImport.read(path: CommerceFixtures.path("orders-with-bad-rows.tsv"))
        for _ in 0..<2 {
            try catalog.replacePurchases(source: "file:orders", kind: "file", path: "orders.tsv", purchases: orders.purchases,
                                         items: orders.items, counts: orders.counts.summary)
        }
        let stored = try catalog.purchases()
        #expect(stored.count == 3)
        #expect(Set(stored.map(\.customer)) == ["100", "102"])
        #expect(stored.sorted { $0.item < $1.item }.map(\.item) == ["A1", "B2", "C3"])
        #expect(stored.contains(orders.purchases[2]))
        #expect(try catalog.items().map(\.text) == ["RED MUG", "BLUE MUG", "GREEN TEAPOT"])
        #expect(try catalog.orderSources().map(\.source) == ["file:orders"])
    }

    /// A broadcast's purchase events become purchases of its viewers, timed from the broadcast's start,
    /// priced from the event or the metadata, one order per viewer and show.
    @Test func broadcastPurchasesJoinTheCustomerView() {
        let start = CommerceFixtures.day0
        let log = EventLog(events: [
            BroadcastEvent(time: 60, type: .purchase, productID: "P1", quantity: 2, price: 10, viewerID: "v1"),
            BroadcastEvent(time: 90, type: .purchase, productID: "P2", viewerID: "v1"),
            BroadcastEvent(time: 95, type: .purchase, productID: "P9", viewerID: "v2"),
            BroadcastEvent(time: 99, type: .purchase, productID: "P1"),
            BroadcastEvent(time: 99, type: .view, viewerID: "v3"),
        ])
        let metadata = BroadcastMetadata(start: start, products: [.init(id: "P2", price: 25)])
        let found = BroadcastPurchases(broadcast: "b1", log: log, metadata: metadata)
        #expect(found.purchases.map(\.customer) == ["v1", "v1", "v2"])
        #expect(found.purchases.map(\.unitPrice) == [10, 25, 0])
        #expect(found.purchases[0].time == start.addingTimeInterval(60))
        #expect(Set(found.purchases.filter { $0.customer == "v1" }.map(\.orderKey)) == ["b1/v1"])
        #expect((found.withoutViewer, found.withoutPrice) == (1, 1))
    }
}
