import Commerce
import Foundation
import Insight
import Testing

/// A show's audience against the shop's customers.
struct ShowInsightTests {
    /// Two buyers of the show also bought elsewhere; a viewer who never bought is "not a customer"; items
    /// to feature leave out what each viewer bought.
    @Test func audienceAlsoBoughtAndFeatureNext() throws {
        let shop = [
            CommerceFixtures.purchase("v1", "MUG", day: 1), CommerceFixtures.purchase("v1", "CUP", day: 2),
            CommerceFixtures.purchase("v2", "MUG", day: 3), CommerceFixtures.purchase("x", "CUP", day: 4),
            CommerceFixtures.purchase("x", "BOWL", day: 5), CommerceFixtures.purchase("y", "BOWL", day: 5),
            CommerceFixtures.purchase("z", "BOWL", day: 6),
        ]
        let log = EventLog(events: [
            BroadcastEvent(time: 1, type: .view, viewerID: "v1"), BroadcastEvent(time: 2, type: .view, viewerID: "v2"),
            BroadcastEvent(time: 3, type: .view, viewerID: "v3"),
            BroadcastEvent(time: 4, type: .purchase, productID: "KNIT", viewerID: "v1"),
            BroadcastEvent(time: 5, type: .purchase, productID: "KNIT", viewerID: "v2"),
        ])
        let show = BroadcastPurchases(broadcast: "b1", log: log, metadata: nil).purchases
        let purchases = shop + show
        let service = RecommendationService(kind: .popular, purchases: purchases, items: [])
        let insight = ShowInsight(
            broadcast: "b1", log: log, purchases: purchases, analysis: RFMAnalysis(purchases: purchases),
            recommender: service, k: 1)
        #expect((insight.viewers, insight.buyers) == (3, 2))
        #expect(insight.viewersBySegment[ShowInsight.notACustomer] == 1)
        #expect(insight.viewersBySegment.values.reduce(0, +) == 3)
        // MUG: v1 and v2 outside the show; CUP: v1; KNIT was bought in the show itself.
        #expect(insight.alsoBought == [.init(item: "MUG", customers: 2), .init(item: "CUP", customers: 1)])
        // The most bought item is BOWL (x, y, z); none of the viewers has it, so each one's top 1 is BOWL.
        #expect(insight.featureNext.first == .init(item: "BOWL", customers: 3))
    }
}
