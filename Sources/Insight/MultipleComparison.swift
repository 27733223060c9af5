/// Adjusting p-values when many keywords are tested at once.
///
/// A broadcast tests every keyword of its list (10–50): at the 5 % level, one keyword in twenty with no effect at
/// all comes out "significant" by chance, and on the dashboard that chance keyword would lead the ranking, the
/// findings and the donut. So each keyword's p-value is adjusted for the number tested, and only adjusted
/// p-values below the level count.
///
/// The default is **Holm's step-down** correction: it bounds the chance that *any* keyword without an effect is
/// reported in a broadcast (the family-wise error rate) by the level, for any dependence between the tests
/// (overlapping windows make them dependent), and is uniformly more powerful than Bonferroni. Benjamini–Hochberg
/// bounds only the expected *share* of false reports among those reported; with a few real effects and many
/// null keywords that still lets a chance keyword through in about one broadcast in eight (12.5 % of 200
/// simulated shows against Holm's 3.5 %: `Benchmarks/AlignmentBenchmark --acceptance`), and every claim the
/// dashboard makes is about one keyword ("this keyword drove sales"), which is what Holm protects.
public enum MultipleComparison: String, Codable, Sendable, CaseIterable {
    /// Holm (1979) step-down: family-wise error rate ≤ level. The default.
    case holm
    /// Benjamini–Hochberg (1995) step-up: false discovery rate ≤ level (independent or positively dependent tests).
    case benjaminiHochberg = "benjamini-hochberg"
    /// No correction: each test at the level on its own.
    case none

    /// Adjusted p-values, in the order given; a nil (a keyword that could not be tested) stays nil and does not
    /// count among the tests. Adjusted values are monotone in the raw ones and at most 1.
    public func adjust(_ pValues: [Double?]) -> [Double?] {
        let tested = pValues.enumerated().compactMap { index, p in p.map { (index, $0) } }.sorted { $0.1 < $1.1 }
        let m = Double(tested.count)
        var adjusted = [Double?](repeating: nil, count: pValues.count)
        switch self {
        case .none:
            for (index, p) in tested { adjusted[index] = p }
        case .holm:
            // p(i) · (m − i + 1), made non-decreasing from the smallest up.
            var running = 0.0
            for (rank, (index, p)) in tested.enumerated() {
                running = max(running, min(1, p * (m - Double(rank))))
                adjusted[index] = running
            }
        case .benjaminiHochberg:
            // p(i) · m / i, made non-increasing from the largest down.
            var running = 1.0
            for (rank, (index, p)) in tested.enumerated().reversed() {
                running = min(running, p * m / Double(rank + 1))
                adjusted[index] = running
            }
        }
        return adjusted
    }
}
