/// The hybrid: a weighted sum of each model's scores, standardised per customer (minus the mean over all
/// items, over the standard deviation), so no model wins by scale alone. Customers without history (new
/// customers, viewers who bought nothing yet) get the popular list — `recommend`'s tie-break — and
/// customers with fewer than `minimumHistory` items get the item-based models and popularity but not ALS,
/// whose factors for them are mostly regularisation.
public struct HybridRecommender: Recommender {
    public struct Options: Sendable, Equatable {
        /// Weights of ALS, "bought together", content and popularity. Defaults chosen on the UCI data's random
        /// split with seed 7, never the reported seed 42 (`CommerceBenchmark --tune`, Docs/customers.md): the best
        /// of a 5 × 5 × 2 grid (ALS 0.5…4, content 0…1, popularity 0 or 0.1; precision@15 0.1246 there).
        public var als: Float = 3
        public var together: Float = 1
        /// Weight of "viewed together", set like "bought together" (not tuned: no data with views and real
        /// behaviour is at hand; without views it adds nothing).
        public var viewed: Float = 1
        public var content: Float = 1
        public var popular: Float = 0
        public var minimumHistory = 3
        public var alsSettings = ALSRecommender.Options()
        public init() {}
    }

    public let alsModel: ALSRecommender
    public let togetherModel: CoPurchaseRecommender
    public let viewedModel: CoViewRecommender
    public let contentModel: ContentRecommender
    public let popularModel: PopularRecommender
    let options: Options
    let data: Interactions

    public init(_ data: Interactions, info: [ItemInfo], views: [ProductView] = [], options: Options = Options()) {
        alsModel = ALSRecommender(data, options: options.alsSettings)
        togetherModel = CoPurchaseRecommender(data)
        viewedModel = CoViewRecommender(data, views: views)
        contentModel = ContentRecommender(data, info: info)
        popularModel = PopularRecommender(data)
        (self.options, self.data) = (options, data)
    }

    /// From models already fitted on the same interactions (evaluation fits each once); without `viewed`, no views.
    public init(
        als: ALSRecommender, together: CoPurchaseRecommender, content: ContentRecommender, popular: PopularRecommender,
        data: Interactions, viewed: CoViewRecommender? = nil, options: Options = Options()
    ) {
        (alsModel, togetherModel, contentModel, popularModel, self.options, self.data) = (
            als, together, content, popular, options, data
        )
        viewedModel = viewed ?? CoViewRecommender(data, views: [])
    }

    public func score(customer u: Int, into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        var part = scores
        let history = data.customerOffsets[u + 1] - data.customerOffsets[u]
        func add(_ model: some Recommender, _ weight: Float) {
            guard weight != 0 else { return }
            model.score(customer: u, into: &part)
            let n = Float(part.count)
            let mean = part.reduce(0, +) / n
            let deviation = (part.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
            guard deviation > 0 else { return }
            for i in scores.indices { scores[i] += weight * (part[i] - mean) / deviation }
        }
        if history >= options.minimumHistory { add(alsModel, options.als) }
        add(togetherModel, options.together)
        add(viewedModel, options.viewed)
        add(contentModel, options.content)
        add(popularModel, options.popular)
    }

    /// Why `item` is recommended to customer `u`: bought together with an item they bought, viewed together
    /// with one they viewed or bought, similar to one, or popular.
    public func reason(customer u: Int?, item: Int) -> String {
        guard let u else { return "popular" }
        if let j = togetherModel.reason(customer: u, item: item) { return "bought together with \(data.items[j])" }
        if let j = viewedModel.reason(customer: u, item: item) { return "viewed together with \(data.items[j])" }
        if let j = contentModel.reason(customer: u, item: item) { return "similar to \(data.items[j])" }
        if history(u) >= options.minimumHistory { return "customers with similar purchases bought it" }
        return "popular"
    }

    private func history(_ u: Int) -> Int { data.customerOffsets[u + 1] - data.customerOffsets[u] }
}
