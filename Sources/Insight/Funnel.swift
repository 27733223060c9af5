/// View → cart → purchase conversion, by distinct viewers.
///
/// A viewer counts at a step when they reached it or a later one (one who bought has carted and viewed), so
/// the steps are nested and no rate exceeds 100 %. Events without a viewer id count as a viewer each.
/// The event counts (`views`, `carts`, `purchases`) are kept beside them: views are page events, one viewer
/// makes many.
public struct Funnel: Codable, Sendable, Equatable {
    /// Events of each type.
    public var views = 0, carts = 0, purchases = 0
    /// Distinct viewers who viewed, carted or bought; who carted or bought; who bought.
    public var viewers = 0, carters = 0, buyers = 0
    public var viewToCart: Double? { viewers > 0 ? Double(carters) / Double(viewers) : nil }
    public var cartToPurchase: Double? { carters > 0 ? Double(buyers) / Double(carters) : nil }
    public var viewToPurchase: Double? { viewers > 0 ? Double(buyers) / Double(viewers) : nil }

    public init() {}

    enum CodingKeys: String, CodingKey {
        case views, carts, purchases, viewers, carters, buyers, viewToCart, cartToPurchase, viewToPurchase
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        for (key, value) in [
            (CodingKeys.views, views), (.carts, carts), (.purchases, purchases), (.viewers, viewers),
            (.carters, carters), (.buyers, buyers),
        ] {
            try container.encode(value, forKey: key)
        }
        try container.encodeIfPresent(viewToCart, forKey: .viewToCart)
        try container.encodeIfPresent(cartToPurchase, forKey: .cartToPurchase)
        try container.encodeIfPresent(viewToPurchase, forKey: .viewToPurchase)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        views = try container.decode(Int.self, forKey: .views)
        carts = try container.decode(Int.self, forKey: .carts)
        purchases = try container.decode(Int.self, forKey: .purchases)
        viewers = try container.decode(Int.self, forKey: .viewers)
        carters = try container.decode(Int.self, forKey: .carters)
        buyers = try container.decode(Int.self, forKey: .buyers)
    }
}

/// Collects a funnel's events and distinct viewers.
struct FunnelCounter {
    private var funnel = Funnel()
    private var viewers = Set<String>(), carters = Set<String>(), buyers = Set<String>()

    /// Adds an event; `anonymous` stands in for a missing viewer id (unique per event).
    mutating func add(_ event: BroadcastEvent, anonymous: @autoclosure () -> String) {
        let step: Int
        switch event.type {
        case .view: funnel.views += 1; step = 0
        case .cart: funnel.carts += 1; step = 1
        case .purchase: funnel.purchases += 1; step = 2
        default: return
        }
        let viewer = event.viewerID ?? anonymous()
        viewers.insert(viewer)
        if step >= 1 { carters.insert(viewer) }
        if step >= 2 { buyers.insert(viewer) }
    }

    var result: Funnel {
        var out = funnel
        (out.viewers, out.carters, out.buyers) = (viewers.count, carters.count, buyers.count)
        return out
    }
}
