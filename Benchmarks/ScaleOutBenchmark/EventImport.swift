import Catalog
import Commerce
import Foundation
import PrivatePostgres

/// How long the catalog takes to store one long show's purchases and product views, on each engine: the biggest
/// write transaction a job makes, and on PostgreSQL the longest hold of the catalog's write lock.
struct EventImportMeasurement: Codable {
    var purchases: Int
    var productViews: Int
    var sqliteSeconds: Double
    var postgresqlSeconds: Double
    /// Bytes of `purchases` and `product_views` (tables and indexes) in PostgreSQL per event row stored.
    var postgresqlBytesPerEventRow: Double
}

/// Stores `purchases` purchases and `views` product views of one show in a new catalog on each engine, once, and
/// times each engine.
func measureEventImport(purchases: Int, views: Int, scratch: String) async throws -> EventImportMeasurement {
    let start = Date(timeIntervalSince1970: 1_780_000_000)
    let bought = (0..<purchases).map { index in
        Purchase(
            customer: "v\(index % 900)", item: "P\(index % 40)", quantity: 1 + index % 3, unitPrice: 19_900,
            time: start.addingTimeInterval(Double(index)), order: "o\(index)")
    }
    let viewed = (0..<views).map { index in
        ProductView(
            customer: "v\(index % 1_500)", item: "P\(index % 40)", time: start.addingTimeInterval(Double(index)))
    }
    func timed(_ catalog: Catalog) throws -> Double {
        let began = ContinuousClock.now
        try catalog.replacePurchases(
            source: "broadcast:show", kind: "broadcast", path: "/events.csv", purchases: bought, items: [],
            counts: "{}")
        try catalog.replaceProductViews(source: "broadcast:show", views: viewed)
        let elapsed = ContinuousClock.now - began
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
    let server = try PrivatePostgres()
    defer { server.stop() }
    let sqlite = try timed(try Catalog(path: scratch + "/events.sqlite"))
    let postgresql = try timed(try Catalog(try CatalogLocation(server.url)))
    let bytes = try await tableBytes(server, where: "relname IN ('purchases', 'product_views')")
    return EventImportMeasurement(
        purchases: purchases, productViews: views, sqliteSeconds: sqlite, postgresqlSeconds: postgresql,
        postgresqlBytesPerEventRow: Double(bytes) / Double(purchases + views))
}
