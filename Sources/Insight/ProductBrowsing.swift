import SeededRandom

/// The simulator's product-card views (`product_view`), on a generator of their own so that adding them
/// leaves every other simulated event as it was: a view of the product shortly before each cart or purchase,
/// and browsing — viewers opening cards at a rate per viewer-minute, half the time the product their id
/// favours (so the same viewers keep looking at the same products, show after show), else any of the show's.
struct ProductBrowsing {
    private var random: SplitMix64
    let rate: Double

    init(seed: UInt64, rate: Double) {
        random = SplitMix64(seed: seed ^ 0x7072_6F64_7669_6577)
        self.rate = rate
    }

    /// A view of `event`'s product by its viewer 5–60 s before it (never before the show), if rate > 0.
    mutating func before(_ event: BroadcastEvent) -> [BroadcastEvent] {
        guard rate > 0, let product = event.productID else { return [] }
        let time = max(0, event.time - 5 - 55 * random.uniform())
        return [
            BroadcastEvent(
                time: time, type: .productView, productID: product, viewerID: event.viewerID,
                gender: event.gender)
        ]
    }

    /// Browsing views in second `second` with `viewers` watching.
    mutating func browse(
        second: Double, viewers: Double, products: [BroadcastMetadata.Product],
        femaleShare: Double
    ) -> [BroadcastEvent] {
        guard rate > 0, !products.isEmpty else { return [] }
        return (0..<random.poisson(rate * viewers / 60)).map { _ in
            let viewer = Int(random.uniform() * 50_000)
            let favourite = random.uniform() < 0.5
            let index = (favourite ? viewer / 7 : Int(random.uniform() * Double(products.count))) % products.count
            let gender = Double(viewer % 1_000) / 1_000 < femaleShare ? "F" : "M"
            return BroadcastEvent(
                time: second + random.uniform(), type: .productView, productID: products[index].id,
                viewerID: "v\(viewer)", gender: gender)
        }
    }
}
