import Foundation
import Testing

@testable import Insight

/// The corrections, funnels and viewer figures on small hand-made inputs with known answers.
struct InsightFiguresTests {
    /// Holm and Benjamini–Hochberg give R's `p.adjust` values; untested keywords stay nil and do not count.
    @Test func adjustsPValuesLikeR() {
        let raw: [Double?] = [0.01, 0.04, nil, 0.03, 0.005]
        // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") and "BH".
        let holm = MultipleComparison.holm.adjust(raw), bh = MultipleComparison.benjaminiHochberg.adjust(raw)
        for (got, want) in zip(holm, [0.03, 0.06, nil, 0.06, 0.02] as [Double?]) {
            #expect(got.map { abs($0 - want!) < 1e-12 } ?? (want == nil))
        }
        for (got, want) in zip(bh, [0.02, 0.04, nil, 0.04, 0.02] as [Double?]) {
            #expect(got.map { abs($0 - want!) < 1e-12 } ?? (want == nil))
        }
        #expect(MultipleComparison.holm.adjust([0.5, 0.9]) == [1, 1])
        #expect(MultipleComparison.none.adjust(raw) == raw)
    }

    /// A keyword said once keeps its estimate but is not tested (its one window cannot be told from the moment),
    /// however strong it looks; it does not count among the tests either.
    @Test func keywordSaidOnceIsNotTested() throws {
        let mentions =
            [Scratch.mention("단독", at: 600)] + [300, 900, 1_500, 2_100, 2_700].map { Scratch.mention("할인", at: $0) }
        var setup = BroadcastSimulator.Setup(
            duration: 3_600, mentions: mentions, planted: ["단독": 5, "할인": 2.5],
            products: [.init(id: "P1", price: 10_000)])
        setup.peakViewers = 2_500
        let report = AlignmentAnalysis.analyse(
            mentions: mentions, events: BroadcastSimulator(setup: setup).run(), duration: 3_600)
        let once = try #require(report.keywords.first { $0.name == "단독" })
        #expect((once.uplift ?? 0) > 2 && (once.pValue ?? 1) < 0.001)
        #expect(
            once.adjustedPValue == nil && !once.significant && once.evidence == .notEnoughEvidence
                && once.attributedPurchases == 0)
        #expect(report.keywords.first { $0.name == "할인" }?.significant == true)
        #expect(report.summary.testedKeywords == 1 && report.keywords.first?.name == "할인")
    }

    /// The funnel counts distinct viewers, a later step implying the earlier ones, so no rate exceeds 100 %.
    @Test func funnelCountsDistinctViewers() {
        let events = EventLog(events: [
            // v1 views three times, carts twice, buys; v2 views and carts; v3 only buys (its view was not logged);
            // v4 views; one anonymous purchase.
            .init(time: 1, type: .view, viewerID: "v1"), .init(time: 2, type: .view, viewerID: "v1"),
            .init(time: 3, type: .view, viewerID: "v1"),
            .init(time: 4, type: .cart, viewerID: "v1"), .init(time: 5, type: .cart, viewerID: "v1"),
            .init(time: 6, type: .purchase, viewerID: "v1"),
            .init(time: 7, type: .view, viewerID: "v2"), .init(time: 8, type: .cart, viewerID: "v2"),
            .init(time: 9, type: .purchase, viewerID: "v3"), .init(time: 10, type: .view, viewerID: "v4"),
            .init(time: 11, type: .purchase),
        ])
        let report = AlignmentAnalysis.analyse(mentions: [], events: events, duration: 60)
        let funnel = report.funnel
        #expect((funnel.views, funnel.carts, funnel.purchases) == (5, 3, 3))
        #expect((funnel.viewers, funnel.carters, funnel.buyers) == (5, 4, 3))
        #expect(funnel.viewToCart == 0.8 && funnel.cartToPurchase == 0.75)
    }

    /// Peak viewers is the largest sample, not a minute's last one; each minute keeps its first and largest.
    @Test func peakViewersIsTheRealMaximum() {
        let samples: [(Double, Double)] = [
            (0, 753), (30, 1_664), (70, 2_300), (130, 2_435), (170, 2_423), (200, 2_100),
        ]
        let events = EventLog(events: samples.map { BroadcastEvent(time: $0.0, type: .viewerCount, value: $0.1) })
        let report = AlignmentAnalysis.analyse(mentions: [], events: events, duration: 240)
        #expect(report.summary.peakViewers == 2_435 && report.summary.peakViewersTime == 130)
        #expect(report.timeline[0].firstViewers == 753 && report.timeline[0].viewers == 1_664)
        #expect(report.timeline[2].peakViewers == 2_435 && report.timeline[2].viewers == 2_423)
    }

    /// Products get distinct carters and buyers, conversion, their first and last sale, and activity per minute.
    @Test func productFiguresCountDistinctViewers() {
        let events = EventLog(events: [
            .init(time: 10, type: .cart, productID: "A", viewerID: "v1"),
            .init(time: 20, type: .purchase, productID: "A", quantity: 2, viewerID: "v1"),
            .init(time: 30, type: .cart, productID: "A", viewerID: "v2"),
            .init(time: 40, type: .cart, productID: "B", viewerID: "v2"),
            .init(time: 50, type: .purchase, productID: "B", viewerID: "v2"),
        ])
        let metadata = BroadcastMetadata(products: [
            .init(id: "A", name: "니트", price: 10_000, targetUnits: 4), .init(id: "B", price: 5_000),
        ])
        let report = AlignmentAnalysis.analyse(mentions: [], events: events, duration: 60, metadata: metadata)
        #expect(report.timeline[0].productActivity == ["A": 3, "B": 2])
        let products = report.summary.products
        #expect(products.map(\.id) == ["A", "B"])
        #expect((products[0].units, products[0].revenue, products[0].achievementRate) == (2, 20_000, 0.5))
        #expect((products[0].carters, products[0].buyers, products[0].conversion) == (2, 1, 0.5))
        #expect((products[0].firstSale, products[0].lastSale) == (10, 30))
        #expect((products[1].carters, products[1].buyers) == (1, 1))
    }
}
