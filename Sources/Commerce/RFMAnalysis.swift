import Foundation

/// One customer's recency, frequency and monetary value, their 1–5 scores and segment.
public struct CustomerRFM: Codable, Sendable, Equatable {
    public var customer: String
    /// Whole days from the last purchase to the reference date.
    public var recencyDays: Int
    /// Distinct orders.
    public var frequency: Int
    /// Total spent (quantity × unit price over all purchases).
    public var monetary: Double
    public var r: Int
    public var f: Int
    public var m: Int
    public var segment: RFMSegment
}

/// A segment's size and revenue.
public struct SegmentSummary: Codable, Sendable, Equatable {
    public var segment: RFMSegment
    public var customers: Int
    public var customerShare: Double
    public var revenue: Double
    public var revenueShare: Double
}

/// RFM scores for every customer with a purchase on or before the reference date.
///
/// Method. Recency = whole days from a customer's last purchase to the reference date (by default the day
/// after the last purchase in the data); frequency = distinct orders; monetary = total spent. Each measure
/// is scored 1–5 by quintiles: the boundaries are the nearest-rank 20th, 40th, 60th and 80th percentiles
/// of the customers' values (`b_k` = the ⌈k·n/5⌉-th smallest value), and a value's score is 1 plus the number
/// of boundaries it exceeds; recency is scored the other way (5 = most recent: 5 minus the number of
/// boundaries it exceeds). Equal values always get equal scores, so when many customers share a value
/// (most customers ordered once) a quintile can hold more or fewer than a fifth of them — the scores stay
/// honest instead of splitting ties arbitrarily. Segments come from R and F (`RFMSegment`).
public struct RFMAnalysis: Codable, Sendable, Equatable {
    public var referenceDate: Date
    public var customers: [CustomerRFM]
    /// The quintile boundaries `[b1, b2, b3, b4]` of recency (days), frequency and monetary value.
    public var recencyBoundaries: [Double]
    public var frequencyBoundaries: [Double]
    public var monetaryBoundaries: [Double]
    public var segments: [SegmentSummary]
    /// Customers per (R, F) cell: `heatMap[r-1][f-1]`.
    public var heatMap: [[Int]]

    /// Scores the customers of `purchases` made on or before `asOf` (by default, all of them, with the
    /// reference date the day after the last purchase).
    public init(purchases: [Purchase], asOf: Date? = nil) {
        let considered = asOf.map { date in purchases.filter { $0.time <= date } } ?? purchases
        let last = considered.map(\.time).max() ?? Date(timeIntervalSince1970: 0)
        let reference = asOf ?? Date(timeIntervalSince1970: (floor(last.timeIntervalSince1970 / 86_400) + 1) * 86_400)
        var latest: [String: Date] = [:], orders: [String: Set<String>] = [:], spent: [String: Double] = [:]
        for purchase in considered {
            latest[purchase.customer] = max(latest[purchase.customer] ?? purchase.time, purchase.time)
            orders[purchase.customer, default: []].insert(purchase.orderKey)
            spent[purchase.customer, default: 0] += purchase.amount
        }
        let ids = latest.keys.sorted()
        let recency = ids.map { Double(Int(reference.timeIntervalSince(latest[$0]!) / 86_400)) }
        let frequency = ids.map { Double(orders[$0]!.count) }
        let monetary = ids.map { spent[$0]! }
        let (rb, fb, mb) = (
            Self.quintileBoundaries(recency), Self.quintileBoundaries(frequency), Self.quintileBoundaries(monetary)
        )
        var heatMap = Array(repeating: Array(repeating: 0, count: 5), count: 5)
        let scored = ids.indices.map { index in
            let r = 5 - Self.exceeded(recency[index], rb), f = 1 + Self.exceeded(frequency[index], fb)
            let m = 1 + Self.exceeded(monetary[index], mb)
            heatMap[r - 1][f - 1] += 1
            return CustomerRFM(
                customer: ids[index], recencyDays: Int(recency[index]), frequency: Int(frequency[index]),
                monetary: monetary[index], r: r, f: f, m: m, segment: RFMSegment(r: r, f: f))
        }
        let total = Double(max(scored.count, 1)), revenue = monetary.reduce(0, +)
        segments = RFMSegment.allCases.map { segment in
            let members = scored.filter { $0.segment == segment }
            let money = members.reduce(0) { $0 + $1.monetary }
            return SegmentSummary(
                segment: segment, customers: members.count, customerShare: Double(members.count) / total,
                revenue: money, revenueShare: revenue > 0 ? money / revenue : 0)
        }
        customers = scored
        (referenceDate, recencyBoundaries, frequencyBoundaries, monetaryBoundaries, self.heatMap) = (
            reference, rb, fb, mb, heatMap
        )
    }

    /// The nearest-rank 20/40/60/80th percentiles: the ⌈k·n/5⌉-th smallest value for k = 1…4.
    static func quintileBoundaries(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return [0, 0, 0, 0] }
        return (1...4).map { k in sorted[max(0, (k * sorted.count + 4) / 5 - 1)] }
    }

    static func exceeded(_ value: Double, _ boundaries: [Double]) -> Int { boundaries.filter { value > $0 }.count }

    /// How customers moved between segments from this analysis (earlier) to `later`: counts per
    /// (from, to), customers new in `later` under from = nil.
    public func movement(to later: RFMAnalysis) -> [SegmentMove] {
        let before = Dictionary(uniqueKeysWithValues: customers.map { ($0.customer, $0.segment) })
        var counts: [SegmentMove.Key: Int] = [:]
        for customer in later.customers {
            counts[SegmentMove.Key(from: before[customer.customer], to: customer.segment), default: 0] += 1
        }
        return counts.map { SegmentMove(from: $0.key.from, to: $0.key.to, customers: $0.value) }
            .sorted { ($0.from?.rawValue ?? "", $0.to.rawValue) < ($1.from?.rawValue ?? "", $1.to.rawValue) }
    }
}

/// Customers that moved from one segment to another between two dates.
public struct SegmentMove: Codable, Sendable, Equatable {
    struct Key: Hashable { var from: RFMSegment?; var to: RFMSegment }
    /// nil: not a customer yet at the earlier date.
    public var from: RFMSegment?
    public var to: RFMSegment
    public var customers: Int
}
