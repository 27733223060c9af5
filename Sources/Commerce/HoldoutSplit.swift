import Foundation
import SeededRandom

/// Training interactions with some purchases hidden, and what each evaluated customer hid.
public struct HoldoutSplit: Sendable {
    public let train: Interactions
    /// Evaluated customer index (in `train`) → the item indices they bought that the training data hides.
    public let hidden: [Int: Set<Int>]
    public let description: String

    /// The source documents' protocol: for each customer with at least `minimumItems` distinct items,
    /// `fraction` of them (rounded, at least one) chosen at random and hidden — all their purchases of it.
    /// Customers are visited in id order and their items shuffled in index order with one SplitMix64
    /// generator seeded with `seed`, so a seed always hides the same purchases.
    public static func random(
        _ all: Interactions, fraction: Double = 0.2, minimumItems: Int = 5, seed: UInt64 = 42
    ) -> HoldoutSplit {
        var random = SplitMix64(state: seed)
        var pairs: [(Int, Int, Float)] = [], hidden: [Int: Set<Int>] = [:]
        pairs.reserveCapacity(all.pairCount)
        for u in 0..<all.customers.count {
            let range = all.customerOffsets[u]..<all.customerOffsets[u + 1]
            var hide = Set<Int>()
            if range.count >= minimumItems {
                let count = max(1, Int((Double(range.count) * fraction).rounded()))
                var order = Array(range)
                order.shuffle(using: &random)
                hide = Set(order.prefix(count).map { Int(all.customerItems[$0]) })
                hidden[u] = hide
            }
            for position in range where !hide.contains(Int(all.customerItems[position])) {
                pairs.append((u, Int(all.customerItems[position]), all.customerCounts[position]))
            }
        }
        return HoldoutSplit(
            train: Interactions(customers: all.customers, items: all.items, pairs: pairs), hidden: hidden,
            description:
                "random \(Int(fraction * 100)) % of each customer's distinct items (customers with ≥ \(minimumItems)), "
                + "seed \(seed)"
        )
    }

    /// The time split: purchases before `cutoff` train; each customer with training history is evaluated
    /// on the items they first bought on or after it.
    public static func time(_ purchases: [Purchase], cutoff: Date, items extraItems: [String] = []) -> HoldoutSplit {
        let before = purchases.filter { $0.time < cutoff }
        let everything = Interactions(purchases: purchases, items: extraItems)
        var pairs: [(Int, Int, Float)] = []
        var orders: [Int: [Int: Set<String>]] = [:]
        for purchase in before {
            orders[everything.customerIndex[purchase.customer]!, default: [:]][
                everything.itemIndex[purchase.item]!, default: []
            ]
            .insert(purchase.orderKey)
        }
        for (u, items) in orders { for (i, keys) in items { pairs.append((u, i, Float(keys.count))) } }
        var hidden: [Int: Set<Int>] = [:]
        for purchase in purchases where purchase.time >= cutoff {
            let (u, i) = (everything.customerIndex[purchase.customer]!, everything.itemIndex[purchase.item]!)
            guard let history = orders[u], history[i] == nil else { continue }
            hidden[u, default: []].insert(i)
        }
        return HoldoutSplit(
            train: Interactions(customers: everything.customers, items: everything.items, pairs: pairs), hidden: hidden,
            description:
                "time: purchases from \(OrderTime.day(cutoff)) on hidden; customers with earlier "
                + "purchases, new items only"
        )
    }
}
