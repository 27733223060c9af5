import Commerce
import Insight
import Testing

/// Top-N per category by buyers and by conversion in the shows.
struct CategoryRankingTests {
    static let items = [
        ItemInfo(id: "K1", text: "knit one", category: "knit"), ItemInfo(id: "K2", text: "knit two", category: "knit"),
        ItemInfo(id: "S1", text: "scarf", category: "scarf"),
    ]

    /// Popular: distinct buyers within each category, best first, N per category; unknown items have no category.
    @Test func popularPerCategory() {
        let purchases = [
            CommerceFixtures.purchase("a", "K1"), CommerceFixtures.purchase("b", "K1"),
            CommerceFixtures.purchase("b", "K1", day: 2),
            CommerceFixtures.purchase("a", "K2"), CommerceFixtures.purchase("c", "S1"),
            CommerceFixtures.purchase("c", "X9"),
        ]
        let ranking = CategoryRanking(measure: .popular, purchases: purchases, items: Self.items, top: 1)
        #expect(ranking.categories["knit"]?.map(\.item) == ["K1"])
        #expect(ranking.categories["knit"]?.first?.buyers == 2)
        #expect(ranking.categories["scarf"]?.map(\.item) == ["S1"])
        #expect(ranking.categories[CategoryRanking.noCategory]?.map(\.item) == ["X9"])
    }

    /// Conversion: buyers among viewers who carted or bought; too few interested viewers leave an item out.
    @Test func conversionPerCategory() {
        var events: [BroadcastEvent] = []
        for viewer in 0..<10 {
            events.append(BroadcastEvent(time: Double(viewer), type: .cart, productID: "K1", viewerID: "v\(viewer)"))
        }
        for viewer in 0..<3 {
            events.append(BroadcastEvent(time: 20, type: .purchase, productID: "K1", viewerID: "v\(viewer)"))
        }
        for viewer in 0..<5 {
            events.append(BroadcastEvent(time: 30, type: .cart, productID: "K2", viewerID: "w\(viewer)"))
        }
        for viewer in 0..<4 {
            events.append(BroadcastEvent(time: 40, type: .purchase, productID: "K2", viewerID: "w\(viewer)"))
        }
        events.append(BroadcastEvent(time: 50, type: .purchase, productID: "S1", viewerID: "z"))
        let ranking = CategoryRanking(
            measure: .conversion, purchases: [], items: Self.items, logs: [EventLog(events: events)])
        let knit = ranking.categories["knit"] ?? []
        #expect(knit.map(\.item) == ["K2", "K1"])  // 4 of 5 before 3 of 10
        #expect(knit.first?.conversion == 0.8)
        #expect(knit.last?.interested == 10)
        #expect(ranking.categories["scarf"] == nil)  // one interested viewer < 5
    }
}
