/// The baseline: the items most customers bought, the same list for everyone (minus what each bought).
public struct PopularRecommender: Recommender {
    /// Distinct buyers per item.
    public let popularity: [Int]

    public init(_ data: Interactions) { popularity = data.itemPopularity }

    public func score(customer u: Int, into scores: inout [Float]) {
        for i in scores.indices { scores[i] = Float(popularity[i]) }
    }
}
