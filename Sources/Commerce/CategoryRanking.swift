import Insight

/// Top-N items per category, by buyers (popular) or by conversion in the shows.
///
/// Popular: distinct customers who bought the item. Conversion: of the viewers who put the item in their
/// cart during a show or bought it there (distinct viewer ids over every event log given), the share who
/// bought it; items with fewer than `minimumInterested` such viewers are left out, so one cart and one
/// purchase is not "100 %". An item's category is its `ItemInfo.category`, else "(no category)".
public struct CategoryRanking: Codable, Sendable, Equatable {
    public enum Measure: String, Codable, Sendable, CaseIterable { case popular, conversion }

    public struct Entry: Codable, Sendable, Equatable {
        public var item: String
        public var text: String
        /// Distinct buyers (shop and shows) for `popular`; viewers who bought in a show for `conversion`.
        public var buyers: Int
        /// Viewers who carted or bought it in a show (conversion only).
        public var interested: Int?
        public var conversion: Double?
    }

    public static let noCategory = "(no category)"

    public var measure: Measure
    /// Category → its top items, best first.
    public var categories: [String: [Entry]]

    public init(
        measure: Measure, purchases: [Purchase], items: [ItemInfo], logs: [EventLog] = [], top: Int = 10,
        minimumInterested: Int = 5
    ) {
        let info = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        switch measure {
        case .popular:
            var buyers: [String: Set<String>] = [:]
            for purchase in purchases { buyers[purchase.item, default: []].insert(purchase.customer) }
            entries = buyers.map { Entry(item: $0.key, text: info[$0.key]?.text ?? $0.key, buyers: $0.value.count) }
        case .conversion:
            var interested: [String: Set<String>] = [:], bought: [String: Set<String>] = [:]
            for log in logs {
                for event in log.events where event.type == .cart || event.type == .purchase {
                    guard let product = event.productID, let viewer = event.viewerID else { continue }
                    interested[product, default: []].insert(viewer)
                    if event.type == .purchase { bought[product, default: []].insert(viewer) }
                }
            }
            entries = interested.filter { $0.value.count >= minimumInterested }.map { item, viewers in
                let buyers = bought[item]?.count ?? 0
                return Entry(
                    item: item, text: info[item]?.text ?? item, buyers: buyers, interested: viewers.count,
                    conversion: Double(buyers) / Double(viewers.count))
            }
        }
        let grouped = Dictionary(grouping: entries) { info[$0.item]?.category ?? Self.noCategory }
        categories = grouped.mapValues { list in
            Array(
                list.sorted { a, b in
                    let (x, y) = (a.conversion ?? Double(a.buyers), b.conversion ?? Double(b.buyers))
                    if x != y { return x > y }
                    if a.buyers != b.buyers { return a.buyers > b.buyers }
                    return a.item < b.item
                }.prefix(top))
        }
        self.measure = measure
    }
}
