import SeededRandom
import Testing

@testable import Commerce

/// ALS for implicit feedback recovers planted structure, and its two solvers agree.
struct ALSTests {
    /// Three groups of 20 customers, each buying 6 of its own group's 10 items (seeded): a rank-3 structure.
    static func plantedGroups() -> Interactions {
        var random = SplitMix64(state: 7)
        var baskets: [String: [String]] = [:]
        for group in 0..<3 {
            for member in 0..<20 {
                let items = (0..<10).shuffled(using: &random).prefix(6).map { "g\(group)-i\($0)" }
                baskets["g\(group)-c\(member)"] = items
            }
        }
        return CommerceFixtures.interactions(baskets)
    }

    /// Every customer's top 4 new items are the 4 of their own group they did not buy: ALS finds the
    /// groups from co-occurrence alone (popularity cannot: all groups are equally popular).
    @Test func recoversPlantedGroups() {
        let data = Self.plantedGroups()
        let model = ALSRecommender(data, options: .init(factors: 3, regularization: 0.1, alpha: 40, iterations: 15))
        let popularity = data.itemPopularity
        var inGroup = 0
        for u in 0..<data.customers.count {
            let group = data.customers[u].prefix(2)
            let list = model.recommend(customer: u, k: 4, data: data, popularity: popularity)
            inGroup += list.filter { data.items[$0].hasPrefix(group) }.count
        }
        #expect(inGroup == 60 * 4)
        let popular = PopularRecommender(data)
        let popularInGroup = (0..<data.customers.count).reduce(0) { total, u in
            total
                + popular.recommend(customer: u, k: 4, data: data, popularity: popularity)
                .filter { data.items[$0].hasPrefix(data.customers[u].prefix(2)) }.count
        }
        #expect(popularInGroup < 60 * 4 / 2)
    }

    /// Conjugate gradient with as many steps as factors reaches the Cholesky solution of the same system.
    @Test func conjugateGradientMatchesCholesky() {
        let data = Self.plantedGroups()
        let f = 5
        var random = SplitMix64(state: 3)
        let fixed = (0..<data.items.count * f).map { _ in Float.random(in: -1...1, using: &random) }
        var exact = [Float](repeating: 0, count: data.customers.count * f), iterative = exact
        ALSSolve(factors: f, regularization: 0.1, alpha: 40, solver: .cholesky, cgSteps: 0)
            .sweep(
                &exact, fixed: fixed, offsets: data.customerOffsets, columns: data.customerItems,
                counts: data.customerCounts)
        ALSSolve(factors: f, regularization: 0.1, alpha: 40, solver: .conjugateGradient, cgSteps: 3 * f)
            .sweep(
                &iterative, fixed: fixed, offsets: data.customerOffsets, columns: data.customerItems,
                counts: data.customerCounts)
        let largest = zip(exact, iterative).map { abs($0 - $1) }.max() ?? 1
        #expect(largest < 1e-3)
        #expect(exact.contains { abs($0) > 0.01 })
    }

    /// The same seed gives the same factors; another seed other factors.
    @Test func seededAndDeterministic() {
        let data = Self.plantedGroups()
        let options = ALSRecommender.Options(factors: 3, iterations: 3)
        var other = options
        other.seed = 43
        #expect(
            ALSRecommender(data, options: options).itemFactors == ALSRecommender(data, options: options).itemFactors)
        #expect(ALSRecommender(data, options: options).itemFactors != ALSRecommender(data, options: other).itemFactors)
    }
}
