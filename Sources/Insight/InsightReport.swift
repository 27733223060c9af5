/// Choices that shape the alignment.
public struct AlignmentOptions: Codable, Sendable, Equatable {
    /// Window after a mention in which its effect is looked for, seconds. Default 180–300 (3–5 min).
    public var windowStart: Double = 180
    public var windowEnd: Double = 300
    /// Bin width of the rate model, seconds. Default 10.
    public var binSeconds: Double = 10
    /// Two-sided confidence level of the uplift intervals. Default 0.95.
    public var confidenceLevel: Double = 0.95
    /// A keyword is significant when its p-value, adjusted by `correction` for the number of keywords tested,
    /// is below this. Default 0.05.
    public var significanceLevel: Double = 0.05
    /// How p-values are adjusted for testing every keyword (and, separately, every topic). Default Holm: the
    /// chance that any keyword without an effect is reported stays below `significanceLevel` (MultipleComparison).
    public var correction: MultipleComparison = .holm
    /// Fewest mentions with an observed window a keyword (or topic) needs to be tested. Default 2: a keyword
    /// said once has one window, and whatever else happened in those minutes is indistinguishable from its
    /// effect (on the 7.7-minute demo a keyword said once came out "significant"). It keeps its estimate and
    /// interval, and does not count among the tests.
    public var minimumMentions = 2

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
        case .viewerCount, .productView: break
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
    /// `pValue` adjusted for the number of keywords (or topics) tested (`AlignmentOptions.correction`); nil when
    /// it was not tested (no window, or fewer than `AlignmentOptions.minimumMentions` observed mentions).
    public var adjustedPValue: Double?
    /// The adjusted p-value is below the significance level: the only effects rankings, findings, credit and
    /// the score are built on.
    public var significant: Bool
    /// Mentions whose window begins after the end of the broadcast: nothing of it was observed, so they are
    /// left out of every estimate (they are still counted in `mentions`).
    public var censoredMentions: Int
    /// Mentions whose window is cut by the end of the broadcast: the observed part counts (exposure-weighted).
    public var cutMentions: Int
    /// Purchases, units and revenue above baseline credited to it (shared among overlapping windows); zero
    /// unless `significant`.
    public var attributedPurchases: Double
    public var attributedUnits: Double
    public var attributedRevenue: Double
    /// Its part of all credited purchases, 0…1; the shares of all keywords sum to 1 (or all are 0).
    public var contributionShare: Double

    /// What the evidence says.
    public var evidence: Evidence {
        if uplift == nil { return .noWindow }
        return significant ? .significant : .notEnoughEvidence
    }

    /// The state shown beside every effect.
    public enum Evidence: String, Codable, Sendable {
        /// The adjusted p-value is below the level.
        case significant
        /// Estimated, but the interval is too wide to tell it from no effect (after the correction).
        case notEnoughEvidence = "not-enough-evidence"
        /// No window of it was observed (every mention too late in the broadcast).
        case noWindow = "no-window"
    }
}

/// How much of a mention's window the broadcast observed.
public enum WindowCoverage: String, Codable, Sendable {
    /// The whole window lies inside the broadcast.
    case complete
    /// The broadcast ends inside the window: only its first part was observed.
    case cut
    /// The window begins after the end of the broadcast: nothing was observed, the mention is left out.
    case afterEnd = "after-end"
}

/// One mention with what happened in its window, against what the baseline rate predicts there.
///
/// Raw window counts of nearby mentions overlap (the same purchase lies in several windows), so they must not be
/// summed; `creditedPurchases`/`creditedRevenue` can be: they split the keyword's credit (purchases above
/// baseline, significant keywords only) among its mentions whose windows hold each purchase.
public struct MentWindow: Codable, Sendable, Equatable {
    public var mention: Mention
    /// Window in broadcast seconds (clipped to the broadcast; empty when `coverage` is `.afterEnd`).
    public var windowStart: Double
    public var windowEnd: Double
    public var coverage: WindowCoverage
    /// Events in the window (overlapping other mentions' windows).
    public var counts: WindowCounts
    /// Purchases the baseline rate predicts in the window (exposure-weighted); nil after the end.
    public var expectedPurchases: Double?
    /// Observed minus expected purchases: the window's excess over the baseline; nil after the end.
    public var excessPurchases: Double?
    /// This mention's part of its keyword's credited purchases and revenue (no double counting).
    public var creditedPurchases: Double
    public var creditedRevenue: Double
}

/// Per-minute activity.
public struct TimelinePoint: Codable, Sendable, Equatable {
    /// Minute index from the start.
    public var minute: Int
    public var counts: WindowCounts
    /// Concurrent viewers at the end of the minute (last viewer_count), if known.
    public var viewers: Double?
    /// The minute's first and largest viewer_count, if any.
    public var firstViewers: Double?
    public var peakViewers: Double?
    /// Cart and purchase events per product id in the minute (which product was selling when).
    public var productActivity: [String: Int] = [:]
}

/// Sales of one product.
public struct ProductSummary: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var units: Int
    public var revenue: Double
    public var targetUnits: Int?
    public var achievementRate: Double?
    /// Distinct viewers who carted or bought it, and who bought it; buyers / carters.
    public var carters: Int
    public var buyers: Int
    public var conversion: Double? { carters > 0 ? Double(buyers) / Double(carters) : nil }
    /// When its events began and ended (first and last cart or purchase), seconds; nil without any.
    public var firstSale: Double?
    public var lastSale: Double?
}

/// The headline figures of a broadcast.
public struct BroadcastSummary: Codable, Sendable, Equatable {
    /// 0–100 heuristic: half sales against target, a quarter cart→purchase conversion, a quarter
    /// the share of purchases credited to significant keyword effects (see Docs/insight.md).
    public var totalScore: Double
    public var unitsSold: Int
    public var revenue: Double
    /// Revenue plus open carts valued at this broadcast's cart→purchase rate and mean unit price.
    public var expectedRevenue: Double
    public var targetUnits: Int?
    public var achievementRate: Double?
    public var products: [ProductSummary]
    /// The largest viewer_count of the broadcast and when it was sampled (seconds); nil without viewer counts.
    public var peakViewers: Double?
    public var peakViewersTime: Double?
    /// Keywords tested (with an observed window) and those significant after the correction.
    public var testedKeywords: Int
    public var significantKeywords: Int
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

/// What a broadcast list needs of a report: its length, headline figures and number of mentions. The alignment
/// stage writes it beside `alignment.json` as `summary.json`, so a list of a workspace without a catalog reads a
/// few hundred bytes per show instead of decoding every alignment (a 2-hour show's is hundreds of kilobytes);
/// with a catalog the list reads the same figures from the catalog's summary rows.
public struct HeadlineFigures: Codable, Sendable, Equatable {
    public var duration: Double
    public var summary: BroadcastSummary
    /// Keyword mentions (those after the end included); nil in summaries written before it was kept.
    public var mentions: Int?

    public init(duration: Double, summary: BroadcastSummary, mentions: Int? = nil) {
        (self.duration, self.summary, self.mentions) = (duration, summary, mentions)
    }
}

extension InsightReport {
    /// The report's length, headline figures and number of mentions.
    public var headline: HeadlineFigures {
        HeadlineFigures(duration: duration, summary: summary, mentions: ments.count)
    }
}
