import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Insight
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
                Purchase(
                    customer: customer, item: "X", quantity: 1, unitPrice: 10,
                    time: start.addingTimeInterval(day * 86_400), order: order)
            }
            let purchases =
                ["a", "b", "c"].map { purchase($0, day: 100, order: $0) }
                + (0..<4).map { purchase("old", day: Double($0), order: "old-\($0)") }
            return purchases
        }

        func shows() throws(ReportError) -> [ShowLink] { [ShowLink(id: "b1", name: "Winter <knit> show")] }

        func audience(broadcast id: String) throws(ReportError) -> ShowInsight? {
            guard id == "b1" else { return nil }
            let log = EventLog(events: [
                BroadcastEvent(time: 1, type: .view, viewerID: "a"),
                BroadcastEvent(time: 2, type: .view, viewerID: "zed"),
            ])
            let purchases = try purchases()
            return ShowInsight(
                broadcast: id, log: log, purchases: purchases, analysis: RFMAnalysis(purchases: purchases),
                recommender: RecommendationService(kind: .popular, purchases: purchases, items: []))
        }
    }

    /// The page lists the segments and puts each customer in its heat-map cell.
    @Test func customersPage() async throws {
        let app = Application(
            router: DashboardServer(store: WorkspaceStore(root: "/nonexistent"), customers: FixedPurchases()).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/customers", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"segments\""))
                #expect(html.contains("4 customers"))
                #expect(html.contains("<td>new customers</td>"))
                // a, b, c: R 5, F 1. old: recency boundaries 0/0/0/100 days and frequency 1/1/1/4 orders,
                // so 100 days exceeds three (R 2) and 4 orders exceeds three (F 4).
                #expect(
                    html.contains("data-r=\"5\" data-f=\"1\"")
                        && html.range(of: #"data-r="5" data-f="1"[^>]*>3<"#, options: .regularExpression) != nil)
                #expect(html.range(of: #"data-r="2" data-f="4"[^>]*>1<"#, options: .regularExpression) != nil)
            }
        }
    }

    /// ?compare=DATE adds the movement since that day's end: a, b and c were not customers yet on day 50.
    @Test func movementSinceADate() async throws {
        let app = Application(
            router: DashboardServer(store: WorkspaceStore(root: "/nonexistent"), customers: FixedPurchases()).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/customers?compare=2011-02-20", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Movement since 2011-02-20"))
                #expect(
                    html.range(
                        of: #"<td>\(new\)</td><td>new customers</td><td class="num" data-sort="3">3</td>"#,
                        options: .regularExpression) != nil)
            }
            try await client.execute(uri: "/customers", method: .get) { response in
                #expect(!String(buffer: response.body).contains("id=\"movement\""))
            }
        }
    }

    /// The customers page links each show; a show's audience page lists its viewers by segment; unknown shows are 404.
    @Test func showAudiencePage() async throws {
        let app = Application(
            router: DashboardServer(store: WorkspaceStore(root: "/nonexistent"), customers: FixedPurchases()).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/customers", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/customers/shows/b1\">Winter &lt;knit&gt; show</a>"))
            }
            try await client.execute(uri: "/customers/shows/b1", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Viewers: 2, buyers: 0"))
                #expect(html.contains("<td>new customers</td><td class=\"num\" data-sort=\"1\">1</td>"))
                #expect(html.contains("<td>not a customer</td><td class=\"num\" data-sort=\"1\">1</td>"))
            }
            try await client.execute(uri: "/customers/shows/nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// Without a customer source the page is 404 and the broadcast list does not link to it; with one, it does.
    @Test func noSourceIs404() async throws {
        let app = Application(router: DashboardServer(store: WorkspaceStore(root: "/nonexistent")).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/customers", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(!String(buffer: response.body).contains("href=\"/customers\""))
            }
        }
        let linked = Application(
            router: DashboardServer(store: WorkspaceStore(root: "/nonexistent"), customers: FixedPurchases()).router())
        try await linked.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/customers\""))
            }
        }
    }
}
