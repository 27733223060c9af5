import Foundation
import Testing

@testable import Insight

/// Keyword evidence pooled over shows: intervals narrow as shows are added; the χ² tail behind Cochran's Q.
struct PooledEffectsTests {
    /// Four simulated 100-minute shows at a smaller audience (1,200 peak viewers): the pooled intervals of the
    /// planted keywords are narrower than any single show's, cover the planted factors, and are significant.
    @Test func poolingNarrowsTheIntervals() throws {
        let reports = (1...4).map { seed -> InsightReport in
            var setup = SimulatedShow.Setup(
                keywords: AcceptanceSimulationTests.keywords, planted: AcceptanceSimulationTests.planted)
            setup.seed = UInt64(100 + seed)
            return SimulatedShow(setup: setup).analyse()
        }
        let pooled = PooledEffects.pool(reports)
        #expect(pooled.count == AcceptanceSimulationTests.keywords.keywords.count)
        func width(_ impact: Impact) -> Double { log(impact.upliftHigh ?? .infinity) - log(impact.upliftLow ?? 0) }
        for (keyword, factor) in AcceptanceSimulationTests.planted {
            let effect = try #require(pooled.first { $0.impact.name == keyword })
            #expect(effect.shows == 4 && effect.impact.significant)
            #expect(
                (effect.impact.upliftLow ?? .infinity) <= factor && factor <= (effect.impact.upliftHigh ?? 0),
                "\(keyword)")
            let singles = reports.compactMap { $0.keywords.first { $0.name == keyword } }
            #expect(singles.allSatisfy { width($0) > width(effect.impact) }, "\(keyword)")
            #expect(effect.impact.mentions == singles.reduce(0) { $0 + $1.mentions })
        }
        #expect(Set(pooled.prefix(3).map(\.impact.name)) == Set(AcceptanceSimulationTests.planted.keys))
    }

    /// The upper tail of χ² at the 5 % critical values (1, 2 and 10 degrees of freedom) and at 0.
    @Test func chiSquaredTail() {
        for (x, k) in [(3.841_459, 1), (5.991_465, 2), (18.307_038, 10)] {
            #expect(abs(ChiSquared.upperTail(x, degreesOfFreedom: k) - 0.05) < 1e-5, "χ²(\(k)) at \(x)")
        }
        #expect(ChiSquared.upperTail(0, degreesOfFreedom: 3) == 1)
        #expect(abs(ChiSquared.upperTail(1.386_294, degreesOfFreedom: 2) - 0.5) < 1e-5)
    }
}
