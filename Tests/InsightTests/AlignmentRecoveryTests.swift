import Foundation
import SeededRandom
import Testing

@testable import Insight

/// The analysis recovers effects planted by the simulator, and does not invent others.
struct AlignmentRecoveryTests {
    static let planted: [String: Double] = ["할인": 2.5, "사은품": 2.2, "무료 배송": 2.0]
    static let keywords = ["할인", "사은품", "무료 배송", "품질", "사이즈", "색상", "포장", "구성", "가격", "최저가", "장바구니", "서둘러"]

    /// One simulated hour: every keyword mentioned five times at seeded random times.
    static func simulate(seed: UInt64) -> (mentions: [Mention], report: InsightReport) {
        var random = SplitMix64(seed: seed * 7_919)
        let mentions = keywords.flatMap { keyword in
            (0..<5).map { _ in
                Scratch.mention(
                    keyword, topic: keyword == "할인" || keyword == "가격" ? "가격" : keyword, at: random.uniform() * 3_300)
            }
        }
        var setup = BroadcastSimulator.Setup(
            duration: 3_600, mentions: mentions, planted: planted,
            products: [.init(id: "P1", price: 30_000)])
        setup.seed = seed
        let events = BroadcastSimulator(setup: setup).run()
        return (mentions, AlignmentAnalysis.analyse(mentions: mentions, events: events, duration: 3_600))
    }

    static let runs = (1...8).map { simulate(seed: UInt64($0)) }

    /// In every run the planted keywords are the three most credited.
    @Test func plantedKeywordsRankTop() {
        for (_, report) in Self.runs {
            let top = Set(report.keywords.prefix(3).map(\.name))
            #expect(
                top == Set(Self.planted.keys), "top 3: \(report.keywords.prefix(3).map { ($0.name, $0.uplift ?? 0) })")
        }
    }

    /// The true uplifts lie inside the 95 % intervals in at least 80 % of cases (expected 95 %).
    @Test func intervalsCoverTheTruth() {
        var covered = 0, total = 0
        for (_, report) in Self.runs {
            for impact in report.keywords {
                guard let truth = Self.planted[impact.name] else { continue }
                total += 1
                if let low = impact.upliftLow, let high = impact.upliftHigh, low <= truth && truth <= high {
                    covered += 1
                }
            }
        }
        #expect(total == 24)
        #expect(Double(covered) / Double(total) >= 0.8, "covered \(covered) of \(total)")
    }

    /// Unplanted keywords are significant at the 5 % level in at most 10 % of cases.
    @Test func unplantedRarelySignificant() {
        let unplanted = Self.runs.flatMap { $0.report.keywords.filter { Self.planted[$0.name] == nil } }
        let significant = unplanted.filter(\.significant).count
        #expect(unplanted.count == 72)
        #expect(
            Double(significant) / Double(unplanted.count) <= 0.10, "\(significant) of \(unplanted.count) significant")
    }

    /// Credit is never double-counted: shares sum to 1 and credited purchases never exceed purchases.
    @Test func contributionDoesNotDoubleCount() {
        for (_, report) in Self.runs {
            let shares = report.keywords.reduce(0) { $0 + $1.contributionShare }
            #expect(abs(shares - 1) < 1e-9)
            let credited = report.keywords.reduce(0) { $0 + $1.attributedPurchases }
            #expect(credited <= Double(report.funnel.purchases) + 1e-9)
            #expect(abs(report.topics.reduce(0) { $0 + $1.contributionShare } - 1) < 1e-9)
        }
    }

    /// Headline figures add up: units and revenue match the purchases, funnel counts match the events.
    @Test func summaryAddsUp() {
        let (_, report) = Self.runs[0]
        #expect(report.summary.revenue == Double(report.summary.unitsSold) * 30_000)
        #expect(report.summary.products.first?.units == report.summary.unitsSold)
        #expect(report.timeline.reduce(0) { $0 + $1.counts.purchases } == report.funnel.purchases)
        #expect(report.hourlyFunnels.count == 1 && report.hourlyFunnels[0] == report.funnel)
        #expect(report.summary.totalScore >= 0 && report.summary.totalScore <= 100)
        #expect(report.genders["F", default: 0] > report.genders["M", default: 0])
    }
}
