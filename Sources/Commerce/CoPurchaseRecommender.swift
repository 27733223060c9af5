/// "Bought together": item–item cosine similarity over who bought what
/// (`sim(i, j) = |buyers(i) ∩ buyers(j)| / √(|buyers(i)| · |buyers(j)|)`), each item keeping its `neighbours`
/// most similar items; a customer's score of an item is the sum of its similarities to the items they bought.
/// The co-occurrence counts are a dense items × items matrix (54 MB for the UCI catalogue's 3,665 items).
public struct CoPurchaseRecommender: Recommender {
    public struct Options: Sendable, Equatable {
        /// Neighbours kept per item. Default 100: enough for every customer's history to reach past their
        /// own items, few enough that scoring a customer stays microseconds.
        public var neighbours = 100
        public init(neighbours: Int = 100) { self.neighbours = neighbours }
    }

    public let similar: ItemNeighbours
    let data: Interactions

    public init(_ data: Interactions, options: Options = Options()) {
        similar = ItemNeighbours(cosineOver: data, count: options.neighbours)
        self.data = data
    }

    public func score(customer u: Int, into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        similar.accumulate(history: data.items(of: u), into: &scores)
    }

    /// The bought item that most links customer `u` to `item`.
    public func reason(customer u: Int, item: Int) -> Int? {
        similar.strongestLink(to: item, history: data.items(of: u))
    }
}
