import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Report
import Server
import Testing

/// The dashboard's `/customers` page: segment table and R × F heat map from real RFM scoring.
struct CustomersRouteTests {
    /// RFM of a fixed set of purchases: three recent one-order customers and one old four-order customer.
    struct FixedPurchases: CustomerSource {
        func purchases() throws(ReportError) -> [Purchase] {
            let start = Date(timeIntervalSince1970: 1_293_840_000)
            func purchase(_ customer: String, day: Double, order: String) -> Purchase {
                Purchase(customer: customer, item: "X", quantity: 1, unitPrice: 10, time: start.addingTimeInterval(day * 86_400), order: order)
            }
            let purchases = ["a", "b", "c"].map { purchase($0, day: 100, order: $0) }
                + (0..<4).map { purchase("old", day: Double($0), order: "old-\($0)") }
            return purchases
        }
    }

    /// The page lists the segments and puts each customer in its heat-map cell.
    @Test func customersPage() async throws {
        let app = Application(router: DashboardServer(store: WorkspaceStore(root: "/nonexistent"), customers: FixedPurchases()).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/customers", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"segments\""))
                #expect(html.contains("4 customers"))
                #expect(html.contains("<td>new customers</td>"))
                // a, b, c: R 5, F 1. old: recency boundaries 0/0/0/100 days and frequency 1/1/1/4 orders,
                // so 100 days exceeds three (R 2) and 4 orders exceeds three (F 4).
                #expect(html.contains("data-r=\"5\" data-f=\"1\"") && html.range(of: #"data-r="5" data-f="1"[^>]*>3<"#, options: .regularExpression) != nil)
                #expect(html.range(of: #"data-r="2" data-f="4"[^>]*>1<"#, options: .regularExpression) != nil)
            }
        }
    }

    /// ?compare=DATE adds the movement since that day's end: a, b and c were not customers yet on day 50.
    @Test func movementSinceADate() async throws {
        let app = Application(router: DashboardServer(store: WorkspaceStore(root: "/nonexistent"), customers: FixedPurchases()).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/customers?compare=2011-02-20", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Movement since 2011-02-20"))
                #expect(html.range(of: #"<td>\(new\)</td><td>new customers</td><td class="num" data-sort="3">3</td>"#, options: .regularExpression) != nil)
            }
            try await client.execute(uri: "/customers", method: .get) { response in
                #expect(!String(buffer: response.body).contains("id=\"movement\""))
            }
        }
    }

    /// Without a customer source the page is 404 and the broadcast list does not link to it; with one, it does.
    @Test func noSourceIs404() async throws {
        let app = Application(router: DashboardServer(store: WorkspaceStore(root: "/nonexistent")).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/customers", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(!String(buffer: response.body).contains("href=\"/customers\""))
            }
        }
        let linked = Application(router: DashboardServer(store: WorkspaceStore(root: "/nonexistent"), customers: FixedPurchases()).router())
        try await linked.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/customers\""))
            }
        }
    }
}
