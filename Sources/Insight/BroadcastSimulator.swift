import Foundation
import SeededRandom

/// Simulates a broadcast's event log with known effects, for the demo and for testing the analysis.
///
/// Viewers follow a rise-plateau-fall curve with slow wander (a `viewer_count` every 10 s). Each
/// second, views, carts, purchases, comments and likes arrive as Poisson events at a base rate per
/// viewer; in the window after a mention of a *planted* keyword the cart and purchase rates are
/// multiplied by its planted uplift — once, however many of its windows overlap; the uplifts of
/// different planted keywords multiply. Viewers have
/// ids and a gender; purchases pick a product. Viewers open product cards (`product_view`): a cart or
/// purchase is preceded by a view of its product, and viewers browse at `productViewRate`, half the time the
/// show's product their id favours — drawn from a second generator, so the other events do not change with
/// them. Deterministic for a seed.
public struct BroadcastSimulator: Sendable {
    /// The simulation's knobs.
    public struct Setup: Sendable {
        public var duration: Double
        /// Mentions (only keyword and time matter).
        public var mentions: [Mention]
        /// Keyword → multiplicative uplift of cart and purchase rates in its windows.
        public var planted: [String: Double]
        public var products: [BroadcastMetadata.Product]
        /// Peak concurrent viewers. Default 1,200.
        public var peakViewers: Double = 1_200
        /// Events per viewer-minute at baseline. Purchases default 0.003 (≈ 3 per minute at 1,000 viewers).
        public var viewRate = 0.02, cartRate = 0.006, purchaseRate = 0.003, commentRate = 0.01, likeRate = 0.015
        /// Product cards opened while browsing, per viewer-minute. Default 0.02; 0 leaves product views out.
        public var productViewRate = 0.02
        /// Share of viewers who are women. Default 0.7.
        public var femaleShare = 0.7
        public var window = (start: 180.0, end: 300.0)
        public var seed: UInt64 = 1

        public init(
            duration: Double, mentions: [Mention], planted: [String: Double], products: [BroadcastMetadata.Product]
        ) {
            (self.duration, self.mentions, self.planted, self.products) = (duration, mentions, planted, products)
        }
    }

    public let setup: Setup

    public init(setup: Setup) { self.setup = setup }

    /// The simulated events, in time order.
    public func run() -> EventLog {
        var random = SplitMix64(seed: setup.seed)
        var browsing = ProductBrowsing(seed: setup.seed, rate: setup.productViewRate)
        let plantedWindows = setup.mentions.compactMap { mention in
            setup.planted[mention.keyword].map {
                (mention.time + setup.window.start, mention.time + setup.window.end, mention.keyword, $0)
            }
        }
        var events: [BroadcastEvent] = []
        var wander = 0.0
        let products = setup.products.isEmpty ? [BroadcastMetadata.Product(id: "P001", price: 10_000)] : setup.products
        for second in 0..<Int(setup.duration) {
            let t = Double(second)
            wander = 0.995 * wander + 0.02 * random.normal()
            let viewers = max(10, viewerCurve(t) * (1 + 0.1 * wander))
            if second % 10 == 0 {
                events.append(BroadcastEvent(time: t, type: .viewerCount, value: viewers.rounded()))
            }
            // Each planted keyword lifts the rate once while any of its windows is open.
            let active = Dictionary(
                plantedWindows.filter { t >= $0.0 && t < $0.1 }.map { ($0.2, $0.3) }, uniquingKeysWith: { a, _ in a })
            let boost = active.values.reduce(1.0, *)
            let perSecond = viewers / 60
            let rates: [(EventType, Double)] = [
                (.view, setup.viewRate), (.cart, setup.cartRate * boost), (.purchase, setup.purchaseRate * boost),
                (.comment, setup.commentRate), (.like, setup.likeRate),
            ]
            for (type, rate) in rates {
                for _ in 0..<random.poisson(rate * perSecond) {
                    let viewer = Int(random.uniform() * 50_000)
                    let gender = Double(viewer % 1_000) / 1_000 < setup.femaleShare ? "F" : "M"
                    let product = products[Int(random.uniform() * Double(products.count)) % products.count]
                    let time = t + random.uniform()
                    let quantity = type == .purchase || type == .cart ? 1 + (random.uniform() < 0.2 ? 1 : 0) : 1
                    events.append(
                        BroadcastEvent(
                            time: time, type: type, productID: type == .purchase || type == .cart ? product.id : nil,
                            quantity: quantity, price: type == .purchase ? product.price : nil,
                            viewerID: "v\(viewer)", gender: gender))
                    if type == .purchase || type == .cart { events += browsing.before(events[events.count - 1]) }
                }
            }
            events += browsing.browse(second: t, viewers: viewers, products: products, femaleShare: setup.femaleShare)
        }
        return EventLog(events: events)
    }

    /// Rise over the first fifth, plateau, fall over the last fifth, with a dip mid-way.
    private func viewerCurve(_ t: Double) -> Double {
        let x = t / max(setup.duration, 1)
        let rise = min(1, x / 0.2), fall = min(1, (1 - x) / 0.2)
        let dip = 1 - 0.15 * exp(-pow((x - 0.55) / 0.08, 2))
        return setup.peakViewers * (0.3 + 0.7 * min(rise, fall)) * dip
    }

    /// Writes events in the event log's CSV format.
    public static func csv(_ log: EventLog) -> String {
        var lines = ["event_id,timestamp,event_type,product_id,quantity,price,viewer_id,gender,value"]
        for (index, event) in log.events.enumerated() {
            let fields: [String] = [
                "e\(index + 1)", String(format: "%.3f", event.time), event.type.rawValue, event.productID ?? "",
                String(event.quantity), event.price.map { String(format: "%.0f", $0) } ?? "", event.viewerID ?? "",
                event.gender ?? "", event.value.map { String(format: "%.0f", $0) } ?? "",
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The draws the simulator needs, on the shared seeded generator.
extension SplitMix64 {
    /// Starts one golden-ratio step on from `seed` (the sequence the simulator has always used).
    init(seed: UInt64) { self.init(state: seed &+ 0x9E37_79B9_7F4A_7C15) }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// Poisson with mean `lambda` (Knuth's method; the simulator's means per second are small).
    mutating func poisson(_ lambda: Double) -> Int {
        let limit = exp(-lambda)
        var product = uniform(), count = 0
        while product > limit { product *= uniform(); count += 1 }
        return count
    }
}
