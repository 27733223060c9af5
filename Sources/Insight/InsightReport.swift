/// Choices that shape the alignment.
public struct AlignmentOptions: Codable, Sendable, Equatable {
    /// Window after a mention in which its effect is looked for, seconds. Default 180–300 (3–5 min).
    public var windowStart: Double = 180
    public var windowEnd: Double = 300
    /// Bin width of the rate model, seconds. Default 10.
    public var binSeconds: Double = 10
    /// Two-sided confidence level of the uplift intervals. Default 0.95.
    public var confidenceLevel: Double = 0.95
    /// A keyword is significant when the uplift's p-value is below this. Default 0.05.
    public var significanceLevel: Double = 0.05

    public init() {}
}

/// Events in a set of windows.
public struct WindowCounts: Codable, Sendable, Equatable {
    public var views = 0, carts = 0, purchases = 0, units = 0, comments = 0, likes = 0
    public var revenue = 0.0

    public init() {}

    mutating func add(_ event: BroadcastEvent, unitPrice: Double) {
        switch event.type {
        case .view: views += 1
        case .cart: carts += 1
        case .purchase:
            purchases += 1
            units += event.quantity
            revenue += Double(event.quantity) * unitPrice
        case .comment: comments += 1
        case .like: likes += 1
        case .viewerCount: break
        }
    }
}

/// A keyword's (or topic's) association with purchases in the windows after its mentions.
public struct Impact: Codable, Sendable, Equatable {
    /// The keyword or topic.
    public var name: String
    /// The topic (for a keyword; the topic itself for a topic).
    public var topic: String
    public var mentions: Int
    /// Length of the union of its windows inside the broadcast, minutes.
    public var windowMinutes: Double
    /// Events in that union.
    public var counts: WindowCounts
    /// Purchases the baseline rate predicts in its windows (exposure-weighted).
    public var expectedPurchases: Double
    /// Multiplicative change of the purchase rate in its windows, other keywords held fixed
    /// (nil when no window of it lies inside the broadcast).
    public var uplift: Double?
    /// The confidence interval of `uplift` (nil where it is not finite).
    public var upliftLow: Double?
    public var upliftHigh: Double?
    /// Two-sided p-value of "no change" (Wald test); nil without a window.
    public var pValue: Double?
    public var significant: Bool
    /// Purchases, units and revenue above baseline credited to it (shared among overlapping windows).
    public var attributedPurchases: Double
    public var attributedUnits: Double
    public var attributedRevenue: Double
    /// Its part of all credited purchases, 0…1; the shares of all keywords sum to 1 (or all are 0).
    public var contributionShare: Double
}

/// One mention with what happened in its window.
public struct MentWindow: Codable, Sendable, Equatable {
    public var mention: Mention
    /// Window in broadcast seconds (clipped to the broadcast).
    public var windowStart: Double
    public var windowEnd: Double
    public var counts: WindowCounts
}

/// View → cart → purchase conversion.
public struct Funnel: Codable, Sendable, Equatable {
    public var views = 0, carts = 0, purchases = 0
    public var viewToCart: Double? { views > 0 ? Double(carts) / Double(views) : nil }
    public var cartToPurchase: Double? { carts > 0 ? Double(purchases) / Double(carts) : nil }
    public var viewToPurchase: Double? { views > 0 ? Double(purchases) / Double(views) : nil }

    public init() {}

    mutating func add(_ event: BroadcastEvent) {
        switch event.type {
        case .view: views += 1
        case .cart: carts += 1
        case .purchase: purchases += 1
        default: break
        }
    }

    enum CodingKeys: String, CodingKey { case views, carts, purchases, viewToCart, cartToPurchase, viewToPurchase }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(views, forKey: .views)
        try container.encode(carts, forKey: .carts)
        try container.encode(purchases, forKey: .purchases)
        try container.encodeIfPresent(viewToCart, forKey: .viewToCart)
        try container.encodeIfPresent(cartToPurchase, forKey: .cartToPurchase)
        try container.encodeIfPresent(viewToPurchase, forKey: .viewToPurchase)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        views = try container.decode(Int.self, forKey: .views)
        carts = try container.decode(Int.self, forKey: .carts)
        purchases = try container.decode(Int.self, forKey: .purchases)
    }
}

/// Per-minute activity.
public struct TimelinePoint: Codable, Sendable, Equatable {
    /// Minute index from the start.
    public var minute: Int
    public var counts: WindowCounts
    /// Concurrent viewers at the end of the minute (last viewer_count), if known.
    public var viewers: Double?
}

/// Sales of one product.
public struct ProductSummary: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var units: Int
    public var revenue: Double
    public var targetUnits: Int?
    public var achievementRate: Double?
}

/// The headline figures of a broadcast.
public struct BroadcastSummary: Codable, Sendable, Equatable {
    /// 0–100 heuristic: half sales against target, a quarter cart→purchase conversion, a quarter
    /// the share of purchases credited to keyword effects (see Docs/insight.md).
    public var totalScore: Double
    public var unitsSold: Int
    public var revenue: Double
    /// Revenue plus open carts valued at this broadcast's cart→purchase rate and mean unit price.
    public var expectedRevenue: Double
    public var targetUnits: Int?
    public var achievementRate: Double?
    public var products: [ProductSummary]
}

/// Everything the alignment stage computes for one broadcast.
public struct InsightReport: Codable, Sendable, Equatable {
    public var duration: Double
    public var options: AlignmentOptions
    public var summary: BroadcastSummary
    public var funnel: Funnel
    public var topicFunnels: [String: Funnel]
    public var hourlyFunnels: [Funnel]
    public var keywords: [Impact]
    public var topics: [Impact]
    public var ments: [MentWindow]
    public var timeline: [TimelinePoint]
    /// Distinct viewers (or events, without viewer ids) by gender.
    public var genders: [String: Int]
    public var warnings: [String]
}
