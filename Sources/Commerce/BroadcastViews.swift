import Foundation
import Insight

/// The product views in a broadcast's event log (`product_view` events), timed like its purchases
/// (`BroadcastPurchases`: the broadcast's start plus the offset). Views without a viewer id or product are
/// counted and left out.
public struct BroadcastViews: Sendable, Equatable {
    public var views: [ProductView]
    public var incomplete = 0

    public init(broadcast: String, log: EventLog, metadata: BroadcastMetadata?) {
        let start = metadata?.start ?? Date(timeIntervalSince1970: 0)
        views = []
        for event in log.events(of: .productView) {
            guard let viewer = event.viewerID, let product = event.productID else { incomplete += 1; continue }
            views.append(
                ProductView(
                    customer: viewer, item: product, time: start.addingTimeInterval(event.time),
                    broadcast: broadcast))
        }
    }
}
