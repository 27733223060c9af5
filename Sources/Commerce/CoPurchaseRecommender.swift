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
        let n = data.items.count
        var together = [Float](repeating: 0, count: n * n)
        together.withUnsafeMutableBufferPointer { matrix in
            for u in 0..<data.customers.count {
                let history = data.items(of: u)
                for a in history {
                    let row = Int(a) * n
                    for b in history { matrix[row + Int(b)] += 1 }
                }
            }
        }
        let buyers = data.itemPopularity.map { Float($0) }
        for i in 0..<n where buyers[i] > 0 {
            for j in 0..<n where together[i * n + j] > 0 { together[i * n + j] /= (buyers[i] * buyers[j]).squareRoot() }
        }
        similar = ItemNeighbours(dense: together, items: n, count: options.neighbours)
        self.data = data
    }

    public func score(customer u: Int, into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        similar.accumulate(history: data.items(of: u), into: &scores)
    }

    /// The bought item that most links customer `u` to `item`.
    public func reason(customer u: Int, item: Int) -> Int? { similar.strongestLink(to: item, history: data.items(of: u)) }
}
