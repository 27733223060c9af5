/// Funnels, the per-minute timeline and the gender split of a broadcast's events.
struct ActivityFigures {
    var funnel = Funnel()
    var topicFunnels: [String: Funnel] = [:]
    var hourlyFunnels: [Funnel] = []
    var timeline: [TimelinePoint] = []
    var genders: [String: Int] = [:]

    init(
        events: EventLog, duration: Double, unitPrice: (BroadcastEvent) -> Double,
        topicWindows: [String: [(Double, Double)]]
    ) {
        let minutes = max(1, Int((duration / 60).rounded(.up)))
        timeline = (0..<minutes).map { TimelinePoint(minute: $0, counts: WindowCounts(), viewers: nil) }
        var overall = FunnelCounter(), topics = topicWindows.mapValues { _ in FunnelCounter() }
        var hours = Array(repeating: FunnelCounter(), count: max(1, Int((duration / 3600).rounded(.up))))
        var viewersByGender: [String: Set<String>] = [:]
        for (index, event) in events.events.enumerated() {
            let anonymous = "#\(index)"
            overall.add(event, anonymous: anonymous)
            hours[min(hours.count - 1, Int(event.time / 3600))].add(event, anonymous: anonymous)
            for (topic, windows) in topicWindows
            where windows.contains(where: { event.time >= $0.0 && event.time < $0.1 }) {
                topics[topic]!.add(event, anonymous: anonymous)
            }
            let minute = min(minutes - 1, max(0, Int(event.time / 60)))
            timeline[minute].counts.add(event, unitPrice: unitPrice(event))
            if let product = event.productID, event.type == .cart || event.type == .purchase {
                timeline[minute].productActivity[product, default: 0] += 1
            }
            if event.type == .viewerCount, let value = event.value {
                timeline[minute].viewers = value
                timeline[minute].firstViewers = timeline[minute].firstViewers ?? value
                timeline[minute].peakViewers = max(timeline[minute].peakViewers ?? value, value)
            }
            if let gender = event.gender {
                if let viewer = event.viewerID {
                    viewersByGender[gender, default: []].insert(viewer)
                } else if event.type == .view {
                    genders[gender, default: 0] += 1
                }
            }
        }
        for (gender, viewers) in viewersByGender { genders[gender, default: 0] += viewers.count }
        funnel = overall.result
        topicFunnels = topics.mapValues(\.result)
        hourlyFunnels = hours.map(\.result)
    }
}

/// The headline figures.
enum BroadcastSummaryBuilder {
    static func summary(
        events: EventLog, metadata: BroadcastMetadata, unitPrice: (BroadcastEvent) -> Double,
        funnel: Funnel, creditedPurchases: Double
    ) -> BroadcastSummary {
        var units: [String: Int] = [:], revenue: [String: Double] = [:], cartUnits = 0
        var funnels: [String: FunnelCounter] = [:], sales: [String: (first: Double, last: Double)] = [:]
        var peak: (viewers: Double, time: Double)?
        for (index, event) in events.events.enumerated() {
            let product = event.productID ?? "(none)"
            if event.type == .purchase {
                units[product, default: 0] += event.quantity
                revenue[product, default: 0] += Double(event.quantity) * unitPrice(event)
            } else if event.type == .cart {
                cartUnits += event.quantity
            }
            if event.type == .purchase || event.type == .cart {
                funnels[product, default: FunnelCounter()].add(event, anonymous: "#\(index)")
                sales[product] = (sales[product]?.first ?? event.time, event.time)
            }
            if event.type == .viewerCount, let value = event.value, value > (peak?.viewers ?? -.infinity) {
                peak = (value, event.time)
            }
        }
        let unitsSold = units.values.reduce(0, +), totalRevenue = revenue.values.reduce(0, +)
        let meanPrice = unitsSold > 0 ? totalRevenue / Double(unitsSold) : 0
        let openCarts = max(0, cartUnits - unitsSold)
        let expectedRevenue = totalRevenue + Double(openCarts) * (funnel.cartToPurchase ?? 0) * meanPrice
        let target = metadata.effectiveTargetUnits
        let achievement = target.map { $0 > 0 ? Double(unitsSold) / Double($0) : 0 }
        let named = Dictionary(metadata.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let productIDs = (metadata.products.map(\.id) + units.keys.sorted()).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        let products = productIDs.map { id in
            ProductSummary(
                id: id, name: named[id]?.name, units: units[id] ?? 0, revenue: revenue[id] ?? 0,
                targetUnits: named[id]?.targetUnits,
                achievementRate: named[id]?.targetUnits.map { $0 > 0 ? Double(units[id] ?? 0) / Double($0) : 0 },
                carters: funnels[id]?.result.carters ?? 0, buyers: funnels[id]?.result.buyers ?? 0,
                firstSale: sales[id]?.first, lastSale: sales[id]?.last)
        }
        // Score parts, each 0…1: sales against target, cart→purchase (50 % counts as full), keyword-driven share.
        var parts: [(weight: Double, value: Double)] = [
            (0.25, min(1, (funnel.cartToPurchase ?? 0) / 0.5)),
            // Credit comes from significant keywords only, so a show with no significant keyword scores 0 here.
            (0.25, funnel.purchases > 0 ? min(1, 2 * creditedPurchases / Double(funnel.purchases)) : 0),
        ]
        if let achievement { parts.append((0.5, min(1, achievement))) }
        let weight = parts.reduce(0) { $0 + $1.weight }
        let score = 100 * parts.reduce(0) { $0 + $1.weight * $1.value } / weight
        return BroadcastSummary(
            totalScore: (score * 10).rounded() / 10, unitsSold: unitsSold, revenue: totalRevenue,
            expectedRevenue: expectedRevenue, targetUnits: target, achievementRate: achievement,
            products: products, peakViewers: peak?.viewers, peakViewersTime: peak?.time,
            testedKeywords: 0, significantKeywords: 0)
    }
}
