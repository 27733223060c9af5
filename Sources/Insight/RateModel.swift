import Foundation

/// The broadcast cut into cells — every `binSeconds`, and at every window edge, so that no cell
/// straddles an edge — with the purchases, units, revenue and exposure of each.
struct RateBins {
    /// Cell boundaries: cell i is [edges[i], edges[i+1]).
    let edges: [Double]
    let purchases: [Double]
    let units: [Double]
    let revenue: [Double]
    /// Viewer-minutes when viewer counts are known, else minutes.
    let exposure: [Double]

    var count: Int { purchases.count }
    func centre(_ cell: Int) -> Double { (edges[cell] + edges[cell + 1]) / 2 }

    init(events: EventLog, duration: Double, binSeconds: Double, cuts: [Double], unitPrice: (BroadcastEvent) -> Double)
    {
        var boundaries = Set(stride(from: 0, to: duration, by: binSeconds).map { $0 })
        for cut in cuts where cut > 0 && cut < duration { boundaries.insert(cut) }
        let edges = boundaries.sorted() + [duration]
        let n = edges.count - 1
        func cell(_ time: Double) -> Int {
            var (low, high) = (0, n - 1)
            while low < high {
                let middle = (low + high + 1) / 2
                if edges[middle] <= time { low = middle } else { high = middle - 1 }
            }
            return low
        }
        var purchases = [Double](repeating: 0, count: n), units = purchases, revenue = purchases
        for event in events.events where event.type == .purchase {
            let index = cell(min(max(event.time, 0), duration))
            purchases[index] += 1
            units[index] += Double(event.quantity)
            revenue[index] += Double(event.quantity) * unitPrice(event)
        }
        let viewerCounts = events.events(of: .viewerCount).compactMap { event in event.value.map { (event.time, $0) } }
        var exposure = (0..<n).map { (edges[$0 + 1] - edges[$0]) / 60 }
        if viewerCounts.count >= 2 {
            var next = 0, current = viewerCounts[0].1
            for index in 0..<n {
                let middle = (edges[index] + edges[index + 1]) / 2
                while next < viewerCounts.count && viewerCounts[next].0 <= middle {
                    current = viewerCounts[next].1; next += 1
                }
                exposure[index] *= max(current, 1)
            }
        }
        self.edges = edges
        (self.purchases, self.units, self.revenue, self.exposure) = (purchases, units, revenue, exposure)
    }
}

/// The fitted Poisson rate model with one window indicator per keyword (or topic).
struct RateModel {
    let bins: RateBins
    /// Indicator per group per bin.
    let indicators: [[Bool]]
    /// Fitted coefficient index per group (nil when the group has no window inside the broadcast).
    private let column: [Int?]
    private let fit: PoissonRegression

    /// - Parameter extraCuts: further cell edges (each mention's own window), so per-mention sums are exact.
    init(
        events: EventLog, duration: Double, windows: [[(Double, Double)]], options: AlignmentOptions,
        unitPrice: (BroadcastEvent) -> Double, extraCuts: [Double] = []
    ) {
        let bins = RateBins(
            events: events, duration: duration, binSeconds: options.binSeconds,
            cuts: windows.flatMap { $0.flatMap { [$0.0, $0.1] } } + extraCuts, unitPrice: unitPrice)
        self.bins = bins
        indicators = windows.map { intervals in
            (0..<bins.count).map { bin in intervals.contains { bins.centre(bin) >= $0.0 && bins.centre(bin) < $0.1 } }
        }
        var columns: [Int?] = [], covariates: [[Double]] = []
        for indicator in indicators {
            if indicator.contains(true) {
                covariates.append(indicator.map { $0 ? 1 : 0 })
                columns.append(covariates.count)
            } else {
                columns.append(nil)
            }
        }
        column = columns
        fit = PoissonRegression(counts: bins.purchases, exposure: bins.exposure, covariates: covariates)
    }

    /// The group's log-uplift and its standard error.
    func effect(_ group: Int) -> (beta: Double, se: Double)? {
        column[group].map { (fit.coefficients[$0], fit.standardErrors[$0]) }
    }

    /// Purchases the baseline alone predicts inside the group's windows.
    func expectedBaseline(_ group: Int) -> Double {
        (0..<bins.count).filter { indicators[group][$0] }.reduce(0) {
            $0 + bins.exposure[$1] * exp(fit.coefficients[0])
        }
    }

    /// Purchases the baseline alone predicts in `window` (whose edges are cell edges).
    func expectedBaseline(in window: (Double, Double)) -> Double {
        cells(in: window).reduce(0) { $0 + bins.exposure[$1] * exp(fit.coefficients[0]) }
    }

    /// The cells inside `window`.
    func cells(in window: (Double, Double)) -> [Int] {
        (0..<bins.count).filter { bins.centre($0) >= window.0 && bins.centre($0) < window.1 }
    }

    /// Purchases, units and revenue above baseline credited to each group: in every bin the observed
    /// amounts times the excess fraction 1 − μ₀/μ, shared among the bin's credited groups in proportion to
    /// their positive coefficients. Only groups with `credited[group]` (the significant ones) take part.
    func attribution(credited: [Bool]) -> [CellCredit] {
        cellCredit(credited: credited).map { cells in
            cells.reduce(into: CellCredit(cell: -1)) { total, cell in
                total.purchases += cell.purchases; total.units += cell.units; total.revenue += cell.revenue
            }
        }
    }

    /// Per group, the credit it takes in each cell where it takes any.
    func cellCredit(credited: [Bool]) -> [[CellCredit]] {
        var credit = [[CellCredit]](repeating: [], count: indicators.count)
        for bin in 0..<bins.count {
            let active = indicators.indices.filter { indicators[$0][bin] && credited[$0] }
            let positive = active.map { max(0, effect($0)?.beta ?? 0) }
            let total = positive.reduce(0, +)
            guard total > 0, bins.purchases[bin] > 0 else { continue }
            let excess = 1 - exp(-total)  // 1 − μ₀/μ with μ = μ₀·exp(Σβ)
            for (group, beta) in zip(active, positive) where beta > 0 {
                let share = excess * beta / total
                credit[group].append(
                    CellCredit(
                        cell: bin, purchases: bins.purchases[bin] * share,
                        units: bins.units[bin] * share, revenue: bins.revenue[bin] * share))
            }
        }
        return credit
    }
}

/// Purchases, units and revenue credited in one cell (or summed over cells).
struct CellCredit {
    var cell: Int
    var purchases = 0.0, units = 0.0, revenue = 0.0
}
