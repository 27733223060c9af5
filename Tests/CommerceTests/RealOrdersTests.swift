import Commerce
import Foundation
import Testing

/// The UCI Online Retail data (read in place from ../shared/data/commerce, never committed; CC BY 4.0,
/// Chen, Sain & Guo 2012, UCI ML Repository DOI 10.24432/C5BW33): the import and the popular baseline
/// reproduce the figures its README gives.
@Suite(.enabled(if: CommerceFixtures.realOrders != nil, "needs ../shared/data/commerce/online_retail.tsv.gz"))
struct RealOrdersTests {
    static let orders: OrderImport? = CommerceFixtures.realOrders.flatMap { try? OrderImport.read(path: $0) }

    /// 541,909 lines; 397,884 clean purchases of 4,338 customers and 3,665 products in 18,532 invoices.
    @Test func importMatchesTheREADME() throws {
        let counts = try #require(Self.orders).counts
        #expect(counts.lines == 541_909)
        #expect(counts.purchases == 397_884)
        #expect(counts.customers == 4_338)
        #expect(counts.items == 3_665)
        #expect(counts.orders == 18_532)
        #expect(counts.badRows == 0)
        #expect(
            counts.lines == counts.purchases + counts.cancellations + counts.returns + counts.missingCustomer
                + counts.zeroAmount)
    }

    /// 266,792 distinct customer–item pairs; the popular list with 20 % hidden (seed 42) scores
    /// precision@15 ≈ 0.0385, the README's reference figure (our split draws its own random items, so
    /// within ±0.002 of it).
    @Test func popularBaselineMatchesTheREADME() throws {
        let all = Interactions(purchases: try #require(Self.orders).purchases)
        #expect(all.pairCount == 266_792)
        let split = HoldoutSplit.random(all, seed: 42)
        let result = Evaluation.evaluate(PopularRecommender(split.train), method: "popular", split: split)
        #expect(abs(result.precision - 0.0385) < 0.002)
    }
}
