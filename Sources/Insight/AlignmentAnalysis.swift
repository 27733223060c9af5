import Foundation

/// Mentions × events → the insight report.
///
/// The purchase rate is modelled per cell (10 s, cut at every window edge) as a Poisson rate with the viewers present
/// as exposure (viewer-minutes when the log has viewer counts, minutes otherwise) and one multiplicative factor per
/// keyword, switched on in the bins inside the windows after its mentions. So a keyword's uplift is measured against
/// the baseline of the rest of the broadcast *and* against the other keywords whose windows overlap it, and a busy
/// moment with many viewers is not mistaken for an effect. Purchases above baseline are credited to the keywords whose
/// windows hold them, shared in proportion to their fitted effects: each purchase is credited at most once in total.
public enum AlignmentAnalysis {
    public static func analyse(
        mentions: [Mention], events: EventLog, duration: Double,
        metadata: BroadcastMetadata = BroadcastMetadata(), options: AlignmentOptions = AlignmentOptions()
    ) -> InsightReport {
        let prices = Dictionary(
            metadata.products.compactMap { p in p.price.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        func unitPrice(_ event: BroadcastEvent) -> Double { event.price ?? event.productID.flatMap { prices[$0] } ?? 0 }

        let keywordGroups = group(mentions, by: \.keyword)
        let topicGroups = group(mentions, by: \.topic)
        let keywordWindows = keywordGroups.map { windows(for: $0.mentions, duration: duration, options: options) }
        let topicWindows = topicGroups.map { windows(for: $0.mentions, duration: duration, options: options) }
        let ownWindows = mentions.map { windows(for: [$0], duration: duration, options: options).first }

        let keywordFit = RateModel(
            events: events, duration: duration, windows: keywordWindows, options: options,
            unitPrice: unitPrice, extraCuts: ownWindows.flatMap { $0.map { [$0.0, $0.1] } ?? [] })
        let topicFit = RateModel(
            events: events, duration: duration, windows: topicWindows, options: options, unitPrice: unitPrice)
        func observed(_ mentions: [Mention]) -> Int {
            mentions.filter { $0.time + options.windowStart < duration }.count
        }
        let keywordTests = tests(
            model: keywordFit, observedMentions: keywordGroups.map { observed($0.mentions) }, options: options)
        let topicTests = tests(
            model: topicFit, observedMentions: topicGroups.map { observed($0.mentions) }, options: options)
        let cellCredit = keywordFit.cellCredit(credited: keywordTests.map(\.significant))
        let credit = keywordFit.attribution(credited: keywordTests.map(\.significant))

        var keywords = keywordGroups.enumerated().map { index, group in
            impact(
                name: group.name, topic: group.mentions[0].topic, mentions: group.mentions,
                windows: keywordWindows[index],
                model: keywordFit, index: index, test: keywordTests[index], events: events, unitPrice: unitPrice,
                credit: credit[index], duration: duration, options: options)
        }
        let totalCredit = credit.reduce(0) { $0 + $1.purchases }
        for index in keywords.indices {
            keywords[index].contributionShare = totalCredit > 0 ? keywords[index].attributedPurchases / totalCredit : 0
        }
        let topics = topicGroups.enumerated().map { index, group in
            var topic = impact(
                name: group.name, topic: group.name, mentions: group.mentions, windows: topicWindows[index],
                model: topicFit, index: index, test: topicTests[index], events: events, unitPrice: unitPrice,
                credit: CellCredit(cell: -1), duration: duration, options: options)
            // A topic's credit is its significant keywords' (the keyword model's), so no purchase counts twice.
            let members = keywords.filter { $0.topic == group.name }
            topic.attributedPurchases = members.reduce(0) { $0 + $1.attributedPurchases }
            topic.attributedUnits = members.reduce(0) { $0 + $1.attributedUnits }
            topic.attributedRevenue = members.reduce(0) { $0 + $1.attributedRevenue }
            topic.contributionShare = members.reduce(0) { $0 + $1.contributionShare }
            return topic
        }

        let keywordIndex = Dictionary(uniqueKeysWithValues: keywordGroups.enumerated().map { ($1.name, $0) })
        let mentionCredit = creditPerMention(
            mentions: mentions, windows: ownWindows, keywordIndex: keywordIndex,
            cellCredit: cellCredit, model: keywordFit)
        let ments = mentions.indices.sorted { mentions[$0].time < mentions[$1].time }.map { index in
            let mention = mentions[index]
            var counts = WindowCounts()
            guard let window = ownWindows[index] else {
                let start = mention.time + options.windowStart
                return MentWindow(
                    mention: mention, windowStart: start, windowEnd: start, coverage: .afterEnd, counts: counts,
                    expectedPurchases: nil, excessPurchases: nil, creditedPurchases: 0, creditedRevenue: 0)
            }
            for event in events.events(in: window) { counts.add(event, unitPrice: unitPrice(event)) }
            let expected = keywordFit.expectedBaseline(in: window)
            return MentWindow(
                mention: mention, windowStart: window.0, windowEnd: window.1,
                coverage: mention.time + options.windowEnd > duration ? .cut : .complete, counts: counts,
                expectedPurchases: expected, excessPurchases: Double(counts.purchases) - expected,
                creditedPurchases: mentionCredit[index].purchases, creditedRevenue: mentionCredit[index].revenue)
        }
        let activity = ActivityFigures(
            events: events, duration: duration, unitPrice: unitPrice,
            topicWindows: Dictionary(uniqueKeysWithValues: zip(topicGroups.map(\.name), topicWindows)))
        var summary = BroadcastSummaryBuilder.summary(
            events: events, metadata: metadata, unitPrice: unitPrice,
            funnel: activity.funnel, creditedPurchases: totalCredit)
        summary.testedKeywords = keywords.filter { $0.adjustedPValue != nil }.count
        summary.significantKeywords = keywords.filter(\.significant).count
        return InsightReport(
            duration: duration, options: options, summary: summary, funnel: activity.funnel,
            topicFunnels: activity.topicFunnels, hourlyFunnels: activity.hourlyFunnels,
            keywords: ranked(keywords), topics: ranked(topics),
            ments: ments, timeline: activity.timeline, genders: activity.genders, warnings: events.warnings)
    }

    /// Significant effects first, by credited purchases; then the rest by the strength of their evidence
    /// (adjusted, then raw p-value; untested ones last), so an estimate with a huge interval never leads because
    /// its point value is large.
    static func ranked(_ impacts: [Impact]) -> [Impact] {
        impacts.sorted { a, b in
            if a.significant != b.significant { return a.significant }
            if a.significant, a.attributedPurchases != b.attributedPurchases {
                return a.attributedPurchases > b.attributedPurchases
            }
            return (a.adjustedPValue ?? 2, a.pValue ?? 2, a.name) < (b.adjustedPValue ?? 2, b.pValue ?? 2, b.name)
        }
    }

    /// Each group's Wald test, with p-values adjusted over all groups tested.
    /// A group said fewer than `options.minimumMentions` times (windows observed) keeps its estimate and raw
    /// p-value but is not tested: whatever else happened in its one window is indistinguishable from its effect.
    private static func tests(
        model: RateModel, observedMentions: [Int], options: AlignmentOptions
    )
        -> [(effect: (beta: Double, se: Double)?, p: Double?, adjusted: Double?, significant: Bool)]
    {
        let groups = observedMentions.count
        let effects = (0..<groups).map { model.effect($0) }
        let raw: [Double?] = effects.map { effect in
            effect.flatMap { $0.se > 0 && $0.se.isFinite ? 2 * Normal.upperTail(abs($0.beta) / $0.se) : nil }
        }
        let adjusted = options.correction.adjust(
            zip(raw, observedMentions).map { $1 >= options.minimumMentions ? $0 : nil })
        return (0..<groups).map {
            (effects[$0], raw[$0], adjusted[$0], (adjusted[$0] ?? 1) < options.significanceLevel)
        }
    }

    /// Each mention's part of its keyword's credit: a cell's credit is split evenly among the keyword's mentions
    /// whose own windows hold the cell.
    private static func creditPerMention(
        mentions: [Mention], windows: [(Double, Double)?], keywordIndex: [String: Int],
        cellCredit: [[CellCredit]], model: RateModel
    ) -> [CellCredit] {
        var out = mentions.indices.map { CellCredit(cell: $0) }
        var byKeyword: [Int: [Int]] = [:]
        for (index, mention) in mentions.enumerated() where windows[index] != nil {
            byKeyword[keywordIndex[mention.keyword]!, default: []].append(index)
        }
        for (keyword, members) in byKeyword {
            for cell in cellCredit[keyword] {
                let centre = model.bins.centre(cell.cell)
                let holders = members.filter { windows[$0]!.0 <= centre && centre < windows[$0]!.1 }
                guard !holders.isEmpty else { continue }
                let part = 1 / Double(holders.count)
                for holder in holders {
                    out[holder].purchases += cell.purchases * part
                    out[holder].units += cell.units * part
                    out[holder].revenue += cell.revenue * part
                }
            }
        }
        return out
    }

    /// Mentions grouped by `key`, in order of first mention.
    static func group(_ mentions: [Mention], by key: KeyPath<Mention, String>) -> [(name: String, mentions: [Mention])]
    {
        var order: [String] = [], groups: [String: [Mention]] = [:]
        for mention in mentions.sorted(by: { $0.time < $1.time }) {
            if groups[mention[keyPath: key]] == nil { order.append(mention[keyPath: key]) }
            groups[mention[keyPath: key], default: []].append(mention)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The union of the mentions' windows, clipped to the broadcast, as sorted disjoint intervals.
    static func windows(for mentions: [Mention], duration: Double, options: AlignmentOptions) -> [(Double, Double)] {
        let intervals = mentions.map {
            (min(duration, $0.time + options.windowStart), min(duration, $0.time + options.windowEnd))
        }
        .filter { $0.1 > $0.0 }.sorted { $0.0 < $1.0 }
        var merged: [(Double, Double)] = []
        for interval in intervals {
            if let last = merged.last, interval.0 <= last.1 {
                merged[merged.count - 1].1 = max(last.1, interval.1)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }

    private static func impact(
        name: String, topic: String, mentions: [Mention], windows: [(Double, Double)], model: RateModel, index: Int,
        test: (effect: (beta: Double, se: Double)?, p: Double?, adjusted: Double?, significant: Bool),
        events: EventLog, unitPrice: (BroadcastEvent) -> Double, credit: CellCredit, duration: Double,
        options: AlignmentOptions
    ) -> Impact {
        var counts = WindowCounts()
        for window in windows {
            for event in events.events(in: window) { counts.add(event, unitPrice: unitPrice(event)) }
        }
        let z = Normal.quantile(1 - (1 - options.confidenceLevel) / 2)
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        let effect = test.effect
        return Impact(
            name: name, topic: topic, mentions: mentions.count,
            windowMinutes: windows.reduce(0) { $0 + ($1.1 - $1.0) } / 60, counts: counts,
            expectedPurchases: model.expectedBaseline(index),
            uplift: finite(effect.map { exp($0.beta) }),
            upliftLow: finite(effect.map { exp($0.beta - z * $0.se) }),
            upliftHigh: finite(effect.map { exp($0.beta + z * $0.se) }),
            pValue: finite(test.p), adjustedPValue: finite(test.adjusted), significant: test.significant,
            censoredMentions: mentions.filter { $0.time + options.windowStart >= duration }.count,
            cutMentions: mentions.filter {
                $0.time + options.windowStart < duration && $0.time + options.windowEnd > duration
            }.count,
            attributedPurchases: credit.purchases, attributedUnits: credit.units, attributedRevenue: credit.revenue,
            contributionShare: 0)
    }
}
