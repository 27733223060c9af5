/// One recommender fitted on purchases, answering per customer id with item ids and reasons: what the
/// `recommend` command and the dashboard use.
public struct RecommendationService: Sendable {
    public let kind: RecommenderKind
    public let data: Interactions
    let model: any Recommender
    let popularity: [Int]
    let reasons: @Sendable (Int?, Int) -> String

    /// `views` (product cards opened in broadcasts) feed "viewed together" and the hybrid.
    public init(
        kind: RecommenderKind, purchases: [Purchase], items: [ItemInfo], views: [ProductView] = [],
        seed: UInt64 = 42
    ) {
        let data = Interactions(purchases: purchases)
        var als = ALSRecommender.Options()
        als.seed = seed
        switch kind {
        case .popular:
            model = PopularRecommender(data)
            reasons = { _, _ in "popular" }
        case .together:
            let together = CoPurchaseRecommender(data)
            model = together
            reasons = { u, i in
                u.flatMap { together.reason(customer: $0, item: i) }.map { "bought together with \(data.items[$0])" }
                    ?? "popular"
            }
        case .viewed:
            let viewed = CoViewRecommender(data, views: views)
            model = viewed
            reasons = { u, i in
                u.flatMap { viewed.reason(customer: $0, item: i) }.map { "viewed together with \(data.items[$0])" }
                    ?? "popular"
            }
        case .content:
            let content = ContentRecommender(data, info: items)
            model = content
            reasons = { u, i in
                u.flatMap { content.reason(customer: $0, item: i) }.map { "similar to \(data.items[$0])" } ?? "popular"
            }
        case .als:
            model = ALSRecommender(data, options: als)
            reasons = { u, _ in u == nil ? "popular" : "customers with similar purchases bought it" }
        case .hybrid:
            var options = HybridRecommender.Options()
            options.alsSettings = als
            let hybrid = HybridRecommender(data, info: items, views: views, options: options)
            model = hybrid
            reasons = { u, i in hybrid.reason(customer: u, item: i) }
        }
        (self.kind, self.data, popularity) = (kind, data, data.itemPopularity)
        let categories = Dictionary(
            items.compactMap { item in item.category.map { (item.id, $0) } }, uniquingKeysWith: { first, _ in first })
        categoryOf = data.items.map { categories[$0] }
    }

    /// Each item's category, where the order files gave one ("popular in <category>").
    let categoryOf: [String?]

    /// The `k` best items for `customer` that they have not bought (an unknown customer gets the popular list).
    public func recommend(customer: String, k: Int) -> [Recommendation] {
        let u = data.customerIndex[customer]
        var scores = [Float](repeating: 0, count: data.items.count)
        if let u { model.score(customer: u, into: &scores) }
        let bought = u.map { Set(data.items(of: $0)) } ?? []
        return TopK.select(k, scores: scores, tieBreak: popularity, excluding: bought).map { i in
            let reason = reasons(u, i)
            return Recommendation(
                item: data.items[i], score: u == nil ? Float(popularity[i]) : scores[i],
                reason: reason == "popular" ? categoryOf[i].map { "popular in \($0)" } ?? reason : reason)
        }
    }
}
