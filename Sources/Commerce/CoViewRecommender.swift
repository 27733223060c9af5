/// "Viewed together": item–item cosine similarity over who viewed what (product cards opened in the
/// broadcasts, `ProductView`), the way `CoPurchaseRecommender` does it over who bought what; a customer's
/// score of an item is the sum of its similarities to the items they viewed or bought. Only items of the
/// purchase data are scored (an item nobody bought yet has no index there); every viewer's views count
/// towards the similarities, buyer or not. Without views every score is 0 and `recommend` falls back to
/// popularity.
public struct CoViewRecommender: Recommender {
    public let similar: ItemNeighbours
    /// Per customer of the purchase data: the items they viewed or bought (ascending indices).
    let histories: [ArraySlice<Int32>]

    public init(_ data: Interactions, views: [ProductView], options: CoPurchaseRecommender.Options = .init()) {
        let known = views.filter { data.itemIndex[$0.item] != nil }
        let viewers = Array(Set(known.map(\.customer))).sorted()
        let viewerIndex = Dictionary(uniqueKeysWithValues: viewers.enumerated().map { ($1, $0) })
        let viewed = Interactions(
            customers: viewers, items: data.items,
            pairs: known.map { (viewerIndex[$0.customer]!, data.itemIndex[$0.item]!, 1) })
        similar = ItemNeighbours(cosineOver: viewed, count: options.neighbours)
        histories = data.customers.indices.map { u in
            let bought = data.items(of: u)
            guard let v = viewerIndex[data.customers[u]] else { return bought }
            return ArraySlice(Set(bought).union(viewed.items(of: v)).sorted())
        }
    }

    public func score(customer u: Int, into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        similar.accumulate(history: histories[u], into: &scores)
    }

    /// The viewed or bought item that most links customer `u` to `item`.
    public func reason(customer u: Int, item: Int) -> Int? { similar.strongestLink(to: item, history: histories[u]) }
}
