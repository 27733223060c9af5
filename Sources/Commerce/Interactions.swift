/// Customer × item purchase counts, indexed both ways (compressed rows per customer and per item): the
/// input every recommender fits on. A count is the number of distinct orders in which the customer
/// bought the item (repeat purchases count; units within one order do not).
public struct Interactions: Sendable {
    public let customers: [String]
    public let items: [String]
    public let customerIndex: [String: Int]
    public let itemIndex: [String: Int]
    /// Customer `u`'s items are `customerItems[customerOffsets[u] ..< customerOffsets[u + 1]]`, ascending,
    /// with their counts in `customerCounts` at the same positions.
    public let customerOffsets: [Int]
    public let customerItems: [Int32]
    public let customerCounts: [Float]
    /// Item `i`'s customers, the same way.
    public let itemOffsets: [Int]
    public let itemCustomers: [Int32]
    public let itemCounts: [Float]

    /// Counts from purchases; `items`, when given, adds catalogue items nobody bought (in that order, first).
    public init(purchases: [Purchase], items extraItems: [String] = []) {
        var orders: [String: [String: Set<String>]] = [:]
        for purchase in purchases {
            orders[purchase.customer, default: [:]][purchase.item, default: []].insert(purchase.orderKey)
        }
        let customers = orders.keys.sorted()
        var items = extraItems, seen = Set(extraItems)
        for item in Set(purchases.map(\.item)).sorted() where seen.insert(item).inserted { items.append(item) }
        let itemIndex = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1, $0) })
        var pairs: [(Int, Int, Float)] = []
        for (u, customer) in customers.enumerated() {
            for (item, keys) in orders[customer]! { pairs.append((u, itemIndex[item]!, Float(keys.count))) }
        }
        self.init(customers: customers, items: items, pairs: pairs)
    }

    /// From (customer index, item index, count) triples; a pair given twice adds up.
    public init(customers: [String], items: [String], pairs: [(Int, Int, Float)]) {
        self.customers = customers
        self.items = items
        customerIndex = Dictionary(uniqueKeysWithValues: customers.enumerated().map { ($1, $0) })
        itemIndex = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1, $0) })
        var merged: [Int: Float] = [:]
        let width = items.count
        for (u, i, count) in pairs { merged[u * width + i, default: 0] += count }
        let keys = merged.keys.sorted()
        (customerOffsets, customerItems, customerCounts) = Self.compress(keys: keys, rows: customers.count) { key in
            (key / width, Int32(key % width), merged[key]!)
        }
        let transposed = keys.map { ($0 % width) * customers.count + $0 / width }.sorted()
        (itemOffsets, itemCustomers, itemCounts) = Self.compress(keys: transposed, rows: items.count) { key in
            let (i, u) = (key / max(customers.count, 1), key % max(customers.count, 1))
            return (i, Int32(u), merged[u * width + i]!)
        }
    }

    private static func compress(
        keys: [Int], rows: Int, _ split: (Int) -> (Int, Int32, Float)
    ) -> ([Int], [Int32], [Float]) {
        var offsets = Array(repeating: 0, count: rows + 1), columns: [Int32] = [], values: [Float] = []
        columns.reserveCapacity(keys.count); values.reserveCapacity(keys.count)
        for key in keys {
            let (row, column, value) = split(key)
            offsets[row + 1] += 1
            columns.append(column); values.append(value)
        }
        for row in 0..<rows { offsets[row + 1] += offsets[row] }
        return (offsets, columns, values)
    }

    /// Distinct customer–item pairs.
    public var pairCount: Int { customerItems.count }

    /// Customer `u`'s items (ascending indices).
    public func items(of u: Int) -> ArraySlice<Int32> { customerItems[customerOffsets[u]..<customerOffsets[u + 1]] }

    /// Item `i`'s customers (ascending indices).
    public func customers(of i: Int) -> ArraySlice<Int32> { itemCustomers[itemOffsets[i]..<itemOffsets[i + 1]] }

    /// Distinct customers per item.
    public var itemPopularity: [Int] { (0..<items.count).map { itemOffsets[$0 + 1] - itemOffsets[$0] } }
}
