import Foundation
import Testing

@testable import Commerce

/// Holdout splits and ranking metrics.
struct EvaluationTests {
    /// Customers with ≥ 5 items hide round(20 %) of them (at least one); others hide nothing; the
    /// training data lacks exactly the hidden pairs; a seed always hides the same items.
    @Test func randomSplitHidesTwentyPercent() {
        let baskets = [
            "small": ["A", "B", "C", "D"], "five": ["A", "B", "C", "D", "E"],
            "twelve": (0..<12).map { "I\($0)" },
        ]
        let all = CommerceFixtures.interactions(baskets)
        let split = HoldoutSplit.random(all, seed: 42)
        let (five, twelve) = (all.customerIndex["five"]!, all.customerIndex["twelve"]!)
        #expect(split.hidden[all.customerIndex["small"]!] == nil)
        #expect(split.hidden[five]?.count == 1)
        #expect(split.hidden[twelve]?.count == 2)
        #expect(split.train.pairCount == all.pairCount - 3)
        for (u, items) in split.hidden { #expect(Set(split.train.items(of: u).map(Int.init)).isDisjoint(with: items)) }
        #expect(HoldoutSplit.random(all, seed: 42).hidden == split.hidden)
        let seeds = (1...20).map { HoldoutSplit.random(all, seed: $0).hidden[twelve]! }
        #expect(Set(seeds).count > 1)
    }

    /// The time split trains on what came before the cutoff and hides only items new to the customer.
    @Test func timeSplitHidesLaterNewItems() {
        let purchases = [
            CommerceFixtures.purchase("a", "X", day: 1), CommerceFixtures.purchase("a", "Y", day: 40),
            CommerceFixtures.purchase("a", "X", day: 41), CommerceFixtures.purchase("b", "Z", day: 45),
        ]
        let split = HoldoutSplit.time(purchases, cutoff: CommerceFixtures.day0.addingTimeInterval(30 * 86_400))
        let a = split.train.customerIndex["a"]!
        #expect(split.hidden == [a: [split.train.itemIndex["Y"]!]])  // b has no history; X was bought before
        #expect(split.train.pairCount == 1)
    }

    /// A fixed ranking scored by hand: hits at ranks 1 and 3 of k = 3 with 4 hidden items.
    @Test func metricsByHand() {
        struct Fixed: Recommender {
            func score(customer u: Int, into scores: inout [Float]) {
                for i in scores.indices { scores[i] = Float(scores.count - i) }  // item 0 best
            }
        }
        let items = (0..<8).map { "I\($0)" }
        let data = Interactions(customers: ["c"], items: items, pairs: [(0, 7, 1)])
        let split = HoldoutSplit(train: data, hidden: [0: [0, 2, 5, 6]], description: "by hand")
        let result = Evaluation.evaluate(Fixed(), method: "fixed", split: split, k: 3)
        #expect(abs(result.precision - 2.0 / 3) < 1e-12)
        #expect(abs(result.recall - 2.0 / 4) < 1e-12)
        let dcg = 1 + 1 / log2(4.0), ideal = 1 + 1 / log2(3.0) + 1 / log2(4.0)
        #expect(abs(result.ndcg - dcg / ideal) < 1e-12)
        #expect(abs(result.coverage - 3.0 / 8) < 1e-12)
    }
}
