import Foundation

/// One purchase line: a customer bought `quantity` units of an item at `unitPrice` at `time`.
/// Order files and broadcasts' event logs both become purchases, so the shop and the shows share one
/// customer view (a viewer id is a customer id).
public struct Purchase: Codable, Sendable, Equatable {
    public var customer: String
    public var item: String
    public var quantity: Int
    public var unitPrice: Double
    public var time: Date
    /// The order (invoice) the line belongs to; lines without one count as one order per customer and second.
    public var order: String?

    public init(customer: String, item: String, quantity: Int, unitPrice: Double, time: Date, order: String? = nil) {
        (self.customer, self.item, self.quantity, self.unitPrice, self.time, self.order) =
            (customer, item, quantity, unitPrice, time, order)
    }

    /// Quantity × unit price.
    public var amount: Double { Double(quantity) * unitPrice }

    /// The order key used to count a customer's orders (frequency).
    public var orderKey: String { order ?? "\(customer)@\(Int(time.timeIntervalSince1970))" }
}

/// What is known about an item besides its purchases: its text (name, description) and category.
public struct ItemInfo: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var category: String?
    /// The median unit price it was sold at (set by `ItemInfo.collect`), if known.
    public var price: Double?

    public init(id: String, text: String, category: String? = nil, price: Double? = nil) {
        (self.id, self.text, self.category, self.price) = (id, text, category, price)
    }
}
