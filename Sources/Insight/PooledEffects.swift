import Foundation

/// Keyword effects pooled over several broadcasts: more shows, narrower intervals.
///
/// Each show's estimate of a keyword (its log-uplift β̂ᵢ with standard error seᵢ, read back from the show's
/// interval) is combined by fixed-effect inverse-variance weighting — β̂ = Σ wᵢ β̂ᵢ / Σ wᵢ with wᵢ = 1/seᵢ²,
/// se = 1/√Σ wᵢ — the standard meta-analysis when every show measures the same effect. Shows keep their own
/// baselines (each fit had its own), so a busy show does not pass for an effect. p-values are two-sided Wald
/// tests, adjusted over the pooled keywords with the same correction as a single show (Holm by default).
/// Cochran's Q tests whether the shows disagree more than chance allows (`heterogeneityP`): a small value
/// says the effect differs between shows and the pooled figure is an average, not a constant.
public enum PooledEffects {
    /// One keyword's (or topic's) effect over the shows, as an `Impact` (counts, mentions and credit summed
    /// over the shows; share = its part of all credited purchases) with the shows that estimated it.
    public struct Effect: Sendable, Equatable {
        public var impact: Impact
        /// Shows whose estimate entered the pool.
        public var shows: Int
        /// Cochran's Q p-value (nil with one show).
        public var heterogeneityP: Double?
    }

    /// Pools the keywords (`topics: false`) or topics of `reports`, ranked like a single show's.
    public static func pool(
        _ reports: [InsightReport], topics: Bool = false, options: AlignmentOptions = AlignmentOptions()
    ) -> [Effect] {
        var order: [String] = []
        var groups: [String: [Impact]] = [:]
        for report in reports {
            for impact in topics ? report.topics : report.keywords {
                if groups[impact.name] == nil { order.append(impact.name) }
                groups[impact.name, default: []].append(impact)
            }
        }
        let z = Normal.quantile(1 - (1 - options.confidenceLevel) / 2)
        var effects: [(effect: Effect, p: Double?)] = order.map { name in
            let impacts = groups[name]!
            var pooled = impacts[0]
            pooled.mentions = impacts.reduce(0) { $0 + $1.mentions }
            pooled.censoredMentions = impacts.reduce(0) { $0 + $1.censoredMentions }
            pooled.cutMentions = impacts.reduce(0) { $0 + $1.cutMentions }
            pooled.windowMinutes = impacts.reduce(0) { $0 + $1.windowMinutes }
            pooled.expectedPurchases = impacts.reduce(0) { $0 + $1.expectedPurchases }
            pooled.counts = impacts.reduce(into: WindowCounts()) { total, impact in
                total.views += impact.counts.views; total.carts += impact.counts.carts;
                total.purchases += impact.counts.purchases
                total.units += impact.counts.units; total.comments += impact.counts.comments;
                total.likes += impact.counts.likes
                total.revenue += impact.counts.revenue
            }
            // Estimates from each show's interval: β = log uplift, se = (log high − log low) / 2z.
            let estimates: [(beta: Double, se: Double)] = impacts.compactMap { impact in
                guard let uplift = impact.uplift, let low = impact.upliftLow, let high = impact.upliftHigh,
                    uplift > 0, low > 0, high > low
                else { return nil }
                return (log(uplift), (log(high) - log(low)) / (2 * z))
            }
            let weights = estimates.map { 1 / ($0.se * $0.se) }
            let total = weights.reduce(0, +)
            var p: Double?, heterogeneity: Double?
            if total > 0 {
                let beta = zip(estimates, weights).reduce(0) { $0 + $1.0.beta * $1.1 } / total,
                    se = 1 / total.squareRoot()
                (pooled.uplift, pooled.upliftLow, pooled.upliftHigh) = (
                    exp(beta), exp(beta - z * se), exp(beta + z * se)
                )
                p = 2 * Normal.upperTail(abs(beta) / se)
                if estimates.count > 1 {
                    let q = zip(estimates, weights).reduce(0) { $0 + $1.1 * pow($1.0.beta - beta, 2) }
                    heterogeneity = ChiSquared.upperTail(q, degreesOfFreedom: estimates.count - 1)
                }
            } else {
                (pooled.uplift, pooled.upliftLow, pooled.upliftHigh) = (nil, nil, nil)
            }
            pooled.pValue = p
            return (Effect(impact: pooled, shows: estimates.count, heterogeneityP: heterogeneity), p)
        }
        let adjusted = options.correction.adjust(effects.map(\.p))
        for index in effects.indices {
            effects[index].effect.impact.adjustedPValue = adjusted[index]
            effects[index].effect.impact.significant = (adjusted[index] ?? 1) < options.significanceLevel
            // Credit summed over the shows (each show credited its own significant keywords only).
            let impacts = groups[effects[index].effect.impact.name]!
            effects[index].effect.impact.attributedPurchases = impacts.reduce(0) { $0 + $1.attributedPurchases }
            effects[index].effect.impact.attributedUnits = impacts.reduce(0) { $0 + $1.attributedUnits }
            effects[index].effect.impact.attributedRevenue = impacts.reduce(0) { $0 + $1.attributedRevenue }
        }
        let credited = effects.reduce(0) { $0 + $1.effect.impact.attributedPurchases }
        for index in effects.indices {
            effects[index].effect.impact.contributionShare =
                credited > 0 ? effects[index].effect.impact.attributedPurchases / credited : 0
        }
        let ranked = AlignmentAnalysis.ranked(effects.map(\.effect.impact)).map(\.name)
        let byName = Dictionary(uniqueKeysWithValues: effects.map { ($0.effect.impact.name, $0.effect) })
        return ranked.map { byName[$0]! }
    }
}

/// The χ² distribution's upper tail (regularised upper incomplete gamma, series and continued fraction).
enum ChiSquared {
    static func upperTail(_ x: Double, degreesOfFreedom k: Int) -> Double {
        guard x > 0 else { return 1 }
        let a = Double(k) / 2, y = x / 2
        let logPrefix = a * log(y) - y - lgamma(a)
        if y < a + 1 {
            // Lower series: P(a, y) = e^{…} Σ yⁿ / (a (a+1) … (a+n)).
            var term = 1 / a, sum = term, n = a
            for _ in 0..<500 { n += 1; term *= y / n; sum += term; if term < sum * 1e-15 { break } }
            return max(0, 1 - exp(logPrefix) * sum)
        }
        // Upper continued fraction (Lentz).
        var b = y + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d
        for i in 1..<500 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < 1e-300 { d = 1e-300 }
            c = b + an / c; if abs(c) < 1e-300 { c = 1e-300 }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return min(1, exp(logPrefix) * h)
    }
}
