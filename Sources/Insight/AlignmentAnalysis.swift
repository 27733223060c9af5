import Foundation

/// Mentions × events → the insight report.
///
/// The purchase rate is modelled per cell (10 s, cut at every window edge) as a Poisson rate with the viewers present as exposure
/// (viewer-minutes when the log has viewer counts, minutes otherwise) and one multiplicative factor
/// per keyword, switched on in the bins inside the windows after its mentions. So a keyword's
/// uplift is measured against the baseline of the rest of the broadcast *and* against the other
/// keywords whose windows overlap it, and a busy moment with many viewers is not mistaken for an
/// effect. Purchases above baseline are credited to the keywords whose windows hold them, shared in
/// proportion to their fitted effects: each purchase is credited at most once in total.
public enum AlignmentAnalysis {
    public static func analyse(
        mentions: [Mention], events: EventLog, duration: Double,
        metadata: BroadcastMetadata = BroadcastMetadata(), options: AlignmentOptions = AlignmentOptions()
    ) -> InsightReport {
        let prices = Dictionary(metadata.products.compactMap { p in p.price.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        func unitPrice(_ event: BroadcastEvent) -> Double { event.price ?? event.productID.flatMap { prices[$0] } ?? 0 }

        let keywordGroups = group(mentions, by: \.keyword)
        let topicGroups = group(mentions, by: \.topic)
        let keywordWindows = keywordGroups.map { windows(for: $0.mentions, duration: duration, options: options) }
        let topicWindows = topicGroups.map { windows(for: $0.mentions, duration: duration, options: options) }

        let keywordFit = RateModel(events: events, duration: duration, windows: keywordWindows, options: options, unitPrice: unitPrice)
        let topicFit = RateModel(events: events, duration: duration, windows: topicWindows, options: options, unitPrice: unitPrice)
        let credit = keywordFit.attribution()

        var keywords = keywordGroups.enumerated().map { index, group in
            impact(name: group.name, topic: group.mentions[0].topic, mentions: group.mentions.count,
                   windows: keywordWindows[index], model: keywordFit, index: index, events: events, unitPrice: unitPrice,
                   credit: credit[index], options: options)
        }
        let totalCredit = credit.reduce(0) { $0 + $1.purchases }
        for index in keywords.indices {
            keywords[index].contributionShare = totalCredit > 0 ? keywords[index].attributedPurchases / totalCredit : 0
        }
        let topics = topicGroups.enumerated().map { index, group in
            var topic = impact(name: group.name, topic: group.name, mentions: group.mentions.count, windows: topicWindows[index],
                               model: topicFit, index: index, events: events, unitPrice: unitPrice,
                               credit: (0, 0, 0), options: options)
            let members = keywords.filter { $0.topic == group.name }
            topic.attributedPurchases = members.reduce(0) { $0 + $1.attributedPurchases }
            topic.attributedUnits = members.reduce(0) { $0 + $1.attributedUnits }
            topic.attributedRevenue = members.reduce(0) { $0 + $1.attributedRevenue }
            topic.contributionShare = members.reduce(0) { $0 + $1.contributionShare }
            return topic
        }

        let ments = mentions.sorted { $0.time < $1.time }.map { mention in
            let window = windows(for: [mention], duration: duration, options: options).first ?? (0, 0)
            var counts = WindowCounts()
            for event in events.events(in: window) { counts.add(event, unitPrice: unitPrice(event)) }
            return MentWindow(mention: mention, windowStart: window.0, windowEnd: window.1, counts: counts)
        }
        let activity = ActivityFigures(events: events, duration: duration, unitPrice: unitPrice,
                                       topicWindows: Dictionary(uniqueKeysWithValues: zip(topicGroups.map(\.name), topicWindows)))
        let summary = BroadcastSummaryBuilder.summary(events: events, metadata: metadata, unitPrice: unitPrice,
                                                      funnel: activity.funnel, creditedPurchases: totalCredit)
        return InsightReport(duration: duration, options: options, summary: summary, funnel: activity.funnel,
                             topicFunnels: activity.topicFunnels, hourlyFunnels: activity.hourlyFunnels,
                             keywords: keywords.sorted { ($0.attributedPurchases, $0.uplift ?? 0) > ($1.attributedPurchases, $1.uplift ?? 0) },
                             topics: topics.sorted { $0.attributedPurchases > $1.attributedPurchases },
                             ments: ments, timeline: activity.timeline, genders: activity.genders, warnings: events.warnings)
    }

    /// Mentions grouped by `key`, in order of first mention.
    static func group(_ mentions: [Mention], by key: KeyPath<Mention, String>) -> [(name: String, mentions: [Mention])] {
        var order: [String] = [], groups: [String: [Mention]] = [:]
        for mention in mentions.sorted(by: { $0.time < $1.time }) {
            if groups[mention[keyPath: key]] == nil { order.append(mention[keyPath: key]) }
            groups[mention[keyPath: key], default: []].append(mention)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The union of the mentions' windows, clipped to the broadcast, as sorted disjoint intervals.
    static func windows(for mentions: [Mention], duration: Double, options: AlignmentOptions) -> [(Double, Double)] {
        let intervals = mentions.map { (min(duration, $0.time + options.windowStart), min(duration, $0.time + options.windowEnd)) }
            .filter { $0.1 > $0.0 }.sorted { $0.0 < $1.0 }
        var merged: [(Double, Double)] = []
        for interval in intervals {
            if let last = merged.last, interval.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, interval.1) } else { merged.append(interval) }
        }
        return merged
    }

    private static func impact(
        name: String, topic: String, mentions: Int, windows: [(Double, Double)], model: RateModel, index: Int,
        events: EventLog, unitPrice: (BroadcastEvent) -> Double,
        credit: (purchases: Double, units: Double, revenue: Double), options: AlignmentOptions
    ) -> Impact {
        var counts = WindowCounts()
        for window in windows {
            for event in events.events(in: window) { counts.add(event, unitPrice: unitPrice(event)) }
        }
        let effect = model.effect(index)
        let z = Normal.quantile(1 - (1 - options.confidenceLevel) / 2)
        let pValue = effect.map { 2 * Normal.upperTail(abs($0.beta) / $0.se) }
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        return Impact(name: name, topic: topic, mentions: mentions,
                      windowMinutes: windows.reduce(0) { $0 + ($1.1 - $1.0) } / 60, counts: counts,
                      expectedPurchases: model.expectedBaseline(index),
                      uplift: finite(effect.map { exp($0.beta) }),
                      upliftLow: finite(effect.map { exp($0.beta - z * $0.se) }),
                      upliftHigh: finite(effect.map { exp($0.beta + z * $0.se) }),
                      pValue: finite(pValue), significant: (pValue ?? 1) < options.significanceLevel,
                      attributedPurchases: credit.purchases, attributedUnits: credit.units, attributedRevenue: credit.revenue,
                      contributionShare: 0)
    }
}
