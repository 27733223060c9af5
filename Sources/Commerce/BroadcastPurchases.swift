import Foundation
import Insight

/// The purchases in a broadcast's event log as customer purchases, so shows and the shop share one
/// customer view: a `purchase` event's viewer id is the customer, its product the item, its time the
/// broadcast's start plus the event's offset (the Unix epoch plus the offset when the start is unknown),
/// and all of one viewer's purchases in one show are one order (`<broadcast>/<viewer>`). The unit price is
/// the event's, else the metadata's for the product, else 0 (counted). Purchases without a viewer id or
/// product are counted and left out.
public struct BroadcastPurchases: Sendable, Equatable {
    public var purchases: [Purchase]
    public var withoutViewer = 0
    public var withoutProduct = 0
    public var withoutPrice = 0

    public init(broadcast: String, log: EventLog, metadata: BroadcastMetadata?) {
        let start = metadata?.start ?? Date(timeIntervalSince1970: 0)
        let prices = Dictionary(
            (metadata?.products ?? []).compactMap { product in product.price.map { (product.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        purchases = []
        for event in log.events(of: .purchase) {
            guard let viewer = event.viewerID else { withoutViewer += 1; continue }
            guard let product = event.productID else { withoutProduct += 1; continue }
            let price = event.price ?? prices[product]
            if price == nil { withoutPrice += 1 }
            purchases.append(
                Purchase(
                    customer: viewer, item: product, quantity: max(event.quantity, 1), unitPrice: price ?? 0,
                    time: start.addingTimeInterval(event.time), order: "\(broadcast)/\(viewer)"))
        }
    }
}
