import Catalog
import Checkpoints
import Commerce
import Foundation
import Insight
import Testing

/// "Viewed together" from the broadcasts' product views: the recommender, its reasons, the show's
/// "also viewed" list and the import into the catalog.
struct ViewedTogetherTests {
    /// Views: a and b opened K and S, c opened K and M, d opened M only (and Z, an item nobody bought).
    static let views = [("a", "K"), ("a", "S"), ("b", "K"), ("b", "S"), ("c", "K"), ("c", "M"), ("d", "M"), ("d", "Z")]
        .enumerated().map { index, pair in
            ProductView(
                customer: pair.0, item: pair.1, time: CommerceFixtures.day0.addingTimeInterval(Double(index)),
                broadcast: "b0")
        }
    /// Purchases with no item bought together with another: "bought together" links nothing.
    static let purchases = [
        CommerceFixtures.purchase("a", "K"), CommerceFixtures.purchase("b", "S"),
        CommerceFixtures.purchase("c", "M"), CommerceFixtures.purchase("e", "K"),
        CommerceFixtures.purchase("f", "X"),
    ]

    /// Cosine similarity over viewers: K–S = 2/√(3·2), K–M = 1/√(3·2), S–M none; e (bought K, viewed nothing)
    /// gets S first, then M, each "viewed together with K"; Z, never bought, is never scored.
    @Test func cosineOverViewersRanksAndExplains() {
        let data = Interactions(purchases: Self.purchases)
        let model = CoViewRecommender(data, views: Self.views)
        let (k, s, m) = (data.itemIndex["K"]!, data.itemIndex["S"]!, data.itemIndex["M"]!)
        let neighbours = model.similar.of(k)
        let similarity = Dictionary(uniqueKeysWithValues: zip(neighbours.items.map(Int.init), neighbours.similarities))
        #expect(abs(similarity[s]! - 2 / Float(6).squareRoot()) < 1e-6)
        #expect(abs(similarity[m]! - 1 / Float(6).squareRoot()) < 1e-6)
        #expect(model.similar.of(s).items.contains(Int32(m)) == false)
        let service = RecommendationService(kind: .viewed, purchases: Self.purchases, items: [], views: Self.views)
        let list = service.recommend(customer: "e", k: 2)
        #expect(list.map(\.item) == ["S", "M"])
        #expect(list.map(\.reason) == ["viewed together with K", "viewed together with K"])
        #expect(!data.items.contains("Z"))
    }

    /// A customer's own views count as history: f, who viewed nothing and bought X (viewed by nobody), gets
    /// the popular list; c (bought M, viewed K and M) is offered S through K, which c only viewed.
    @Test func ownViewsAreHistory() {
        let service = RecommendationService(kind: .viewed, purchases: Self.purchases, items: [], views: Self.views)
        let popular = RecommendationService(kind: .popular, purchases: Self.purchases, items: [])
        #expect(
            service.recommend(customer: "f", k: 3).map(\.item)
                == popular.recommend(customer: "f", k: 3).map(\.item))
        let forC = service.recommend(customer: "c", k: 1)
        #expect(forC.map(\.item) == ["S"] && forC.first?.reason == "viewed together with K")
        #expect(service.recommend(customer: "a", k: 1).first?.item == "S")
    }

    /// Without views every score is 0, so the list is the popular one, with popularity's reason.
    @Test func withoutViewsFallsBackToPopular() {
        let viewed = RecommendationService(kind: .viewed, purchases: Self.purchases, items: [])
        let popular = RecommendationService(kind: .popular, purchases: Self.purchases, items: [])
        for customer in ["a", "e", "unknown"] {
            #expect(
                viewed.recommend(customer: customer, k: 3).map(\.item)
                    == popular.recommend(customer: customer, k: 3).map(\.item))
        }
        #expect(viewed.recommend(customer: "e", k: 1).first?.reason == "popular")
    }

    /// The hybrid gives "viewed together with Y" when no purchase links the item and a view does.
    @Test func hybridExplainsWithViews() {
        let data = Interactions(purchases: Self.purchases)
        let hybrid = HybridRecommender(data, info: [], views: Self.views)
        let (e, s) = (data.customerIndex["e"]!, data.itemIndex["S"]!)
        #expect(hybrid.reason(customer: e, item: s) == "viewed together with K")
        #expect(HybridRecommender(data, info: []).reason(customer: e, item: s) == "popular")
    }

    /// A show's viewers' views in other broadcasts, most viewers first; views in the show itself are left out.
    @Test func showListsWhatItsViewersAlsoViewed() {
        let log = EventLog(events: [
            BroadcastEvent(time: 1, type: .view, viewerID: "a"),
            BroadcastEvent(time: 2, type: .view, viewerID: "c"),
            BroadcastEvent(time: 3, type: .productView, productID: "K", viewerID: "a"),
        ])
        let inShow = BroadcastViews(broadcast: "b1", log: log, metadata: nil).views
        let service = RecommendationService(kind: .popular, purchases: Self.purchases, items: [])
        let insight = ShowInsight(
            broadcast: "b1", log: log, purchases: Self.purchases, views: Self.views + inShow,
            analysis: RFMAnalysis(purchases: Self.purchases), recommender: service)
        #expect(
            insight.alsoViewed == [
                .init(item: "K", customers: 2), .init(item: "M", customers: 1),
                .init(item: "S", customers: 1),
            ])
    }

    /// product_view rows are read from a broadcast's log, timed from its start; rows without a viewer or
    /// product are counted and left out; importing twice keeps one copy.
    @Test func broadcastViewsAreImported() throws {
        let (workspace, catalog) = try OrderCatalogTests.workspaceWithBroadcast(
            events: """
                timestamp,event_type,product_id,quantity,price,viewer_id
                5,product_view,P1,,,v1
                6,product_view,P2,,,v1
                7,product_view,,,,v2
                8,product_view,P1,,,
                10,purchase,P1,1,39000,v1
                """, meta: #"{"start": "2026-11-20T20:00:00+09:00", "products": []}"#)
        defer { try? FileManager.default.removeItem(atPath: workspace.root) }
        var lines: [String] = []
        for _ in 0..<2 { lines = try catalog.importBroadcastPurchases(workspace: workspace) }
        #expect(lines.first?.contains("2 product views (2 without a viewer or product left out)") == true)
        let stored = try catalog.productViews()
        #expect(stored.map(\.item) == ["P1", "P2"])
        #expect(stored.allSatisfy { $0.customer == "v1" && $0.broadcast == OrderCatalogTests.broadcastID })
        #expect(stored[0].time == OrderTime.parse("2026-11-20T11:00:05Z"))
    }
}
