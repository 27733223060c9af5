import Foundation

/// What the producer knows about a broadcast beyond its recording (`<name>.meta.json`).
///
///     {"title": "겨울 니트 특집", "start": "2026-11-20T20:00:00+09:00", "target_units": 300,
///      "products": [{"id": "P001", "name": "울 니트", "price": 59000, "target_units": 150}]}
public struct BroadcastMetadata: Codable, Sendable, Equatable {
    public struct Product: Codable, Sendable, Equatable {
        public var id: String
        public var name: String?
        /// Price per unit, used when an event carries none.
        public var price: Double?
        /// Sales target in units.
        public var targetUnits: Int?

        enum CodingKeys: String, CodingKey { case id, name, price, targetUnits = "target_units" }

        public init(id: String, name: String? = nil, price: Double? = nil, targetUnits: Int? = nil) {
            (self.id, self.name, self.price, self.targetUnits) = (id, name, price, targetUnits)
        }
    }

    public var title: String?
    /// When the broadcast started (needed for absolute event timestamps).
    public var start: Date?
    /// Sales target for the whole broadcast, in units (default: the sum of the products' targets).
    public var targetUnits: Int?
    public var products: [Product]

    enum CodingKeys: String, CodingKey { case title, start, targetUnits = "target_units", products }

    public init(title: String? = nil, start: Date? = nil, targetUnits: Int? = nil, products: [Product] = []) {
        (self.title, self.start, self.targetUnits, self.products) = (title, start, targetUnits, products)
    }

    /// The whole broadcast's target: given, or the sum of the products' targets, or nil.
    public var effectiveTargetUnits: Int? {
        targetUnits
            ?? (products.compactMap(\.targetUnits).isEmpty ? nil : products.compactMap(\.targetUnits).reduce(0, +))
    }

    public static func load(path: String) throws(InsightError) -> BroadcastMetadata {
        let data = Data(try InsightError.readText(path: path).utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(BroadcastMetadata.self, from: data) } catch {
            throw .badMetadata(path: path, detail: "not valid broadcast metadata JSON (\(error))")
        }
    }
}
