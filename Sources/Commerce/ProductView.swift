import Foundation

/// A viewer opening an item's card during a broadcast (a `product_view` event): what "viewed together"
/// learns from. The viewer id is the customer id, as for purchases.
public struct ProductView: Codable, Sendable, Equatable {
    public var customer: String
    public var item: String
    public var time: Date
    /// The broadcast whose event log held it.
    public var broadcast: String?

    public init(customer: String, item: String, time: Date, broadcast: String? = nil) {
        (self.customer, self.item, self.time, self.broadcast) = (customer, item, time, broadcast)
    }
}
