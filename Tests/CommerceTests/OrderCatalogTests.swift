import Catalog
import Checkpoints
import Commerce
import Foundation
import Insight
import Report
import Testing

/// Purchases in the workspace catalog (real SQLite through GRDB), from order files and broadcasts.
struct OrderCatalogTests {
    static func temporaryWorkspace() throws -> Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("commerce-\(UUID().uuidString)").path
        let workspace = Workspace(root: root)
        try workspace.create()
        return workspace
    }

    /// A new workspace whose catalog knows one broadcast (`broadcastID`) with these copied inputs.
    static func workspaceWithBroadcast(events: String, meta: String) throws -> (Workspace, Catalog) {
        let workspace = try temporaryWorkspace()
        let catalog = try Catalog(path: workspace.catalogPath)
        try catalog.recordBroadcast(id: broadcastID, name: "show.flac", sourcePath: "/x/show.flac", bytes: 1)
        let inputs = workspace.broadcastFolder(broadcastID) + "/inputs"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        try events.write(toFile: inputs + "/events.csv", atomically: true, encoding: .utf8)
        try meta.write(toFile: inputs + "/meta.json", atomically: true, encoding: .utf8)
        return (workspace, catalog)
    }

    static let broadcastID = "0123456789abcdef"

    /// Imported purchases come back whole; re-importing a source replaces its rows instead of doubling them.
    @Test func importIsStoredAndReplaced() throws {
        let workspace = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace.root) }
        let catalog = try Catalog(path: workspace.catalogPath)
        let orders = try OrderImport.read(path: CommerceFixtures.path("orders-with-bad-rows.tsv"))
        for _ in 0..<2 {
            try catalog.replacePurchases(
                source: "file:orders", kind: "file", path: "orders.tsv", purchases: orders.purchases,
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

    /// `importBroadcastPurchases` reads each broadcast's copied event log and metadata from the workspace,
    /// and importing again replaces that broadcast's purchases.
    @Test func broadcastsInTheWorkspaceAreImported() throws {
        let (workspace, catalog) = try Self.workspaceWithBroadcast(
            events: """
                timestamp,event_type,product_id,quantity,price,viewer_id
                10,purchase,P1,1,39000,v1
                20,purchase,P2,2,,v2
                30,view,,,,v3
                40,purchase,P1,1,,
                """,
            meta: """
                {"title": "겨울 니트", "start": "2026-11-20T20:00:00+09:00", "products": [{"id": "P2", "name": "목도리",\
                 "price": 15000}]}
                """)
        defer { try? FileManager.default.removeItem(atPath: workspace.root) }
        for _ in 0..<2 { _ = try catalog.importBroadcastPurchases(workspace: workspace) }
        let stored = try catalog.purchases()
        #expect(stored.map(\.customer) == ["v1", "v2"])
        #expect(stored.map(\.unitPrice) == [39000, 15000])
        #expect(stored[0].time == OrderTime.parse("2026-11-20T11:00:10Z"))
        #expect(try catalog.items().first { $0.id == "P2" }?.text == "목도리")
    }
}

/// The dashboard's customer source over the catalog.
struct CatalogCustomerSourceTests {
    /// Empty catalog: no analysis (the page says to import); after an import, the imported customers.
    @Test func scoresTheCatalogsPurchases() throws {
        let workspace = try OrderCatalogTests.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace.root) }
        let catalog = try Catalog(path: workspace.catalogPath)
        let source = CatalogCustomerSource(catalog: catalog, workspace: workspace)
        #expect(try source.purchases().isEmpty)
        #expect(CustomersPage(purchases: [], compare: nil).html().contains("id=\"no-customers\""))
        let orders = try OrderImport.read(path: CommerceFixtures.path("orders-with-bad-rows.tsv"))
        try catalog.replacePurchases(
            source: "file:x", kind: "file", path: "x", purchases: orders.purchases, items: orders.items, counts: "")
        let page = CustomersPage(purchases: try source.purchases(), compare: "2011-01-03")
        #expect(page.analysis?.customers.map(\.customer) == ["100", "102"])
        #expect(page.html().contains("2 customers"))
        #expect(page.movement?.contains { $0.from == nil && $0.customers == 1 } == true)  // 102 bought after 2011-01-03
    }

    /// A broadcast with viewer ids in its event log is listed as a show, and its audience is the log's viewers
    /// against the catalog's customers; an unknown broadcast has none.
    @Test func showsAndAudience() throws {
        let workspace = try OrderCatalogTests.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace.root) }
        let catalog = try Catalog(path: workspace.catalogPath)
        try catalog.recordBroadcast(id: "fedcba9876543210", name: "show.flac", sourcePath: "/x/show.flac", bytes: 1)
        let inputs = workspace.broadcastFolder("fedcba9876543210") + "/inputs"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        try "timestamp,event_type,product_id,viewer_id\n1,view,,100\n2,view,,newbie\n3,purchase,A1,100\n"
            .write(toFile: inputs + "/events.csv", atomically: true, encoding: .utf8)
        let orders = try OrderImport.read(path: CommerceFixtures.path("orders-with-bad-rows.tsv"))
        try catalog.replacePurchases(
            source: "file:x", kind: "file", path: "x", purchases: orders.purchases, items: orders.items, counts: "")
        let source = CatalogCustomerSource(catalog: catalog, workspace: workspace)
        #expect(try source.shows() == [ShowLink(id: "fedcba9876543210", name: "show.flac")])
        let audience = try #require(try source.audience(broadcast: "fedcba9876543210"))
        #expect((audience.viewers, audience.buyers) == (2, 1))
        #expect(audience.viewersBySegment[ShowInsight.notACustomer] == 1)
        #expect(Set(audience.alsoBought.map(\.item)) == ["A1", "B2"])  // customer 100's shop order 1001
        #expect(try source.audience(broadcast: "0000000000000000") == nil)
    }
}
