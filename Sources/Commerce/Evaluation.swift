import Foundation

/// Ranking quality of one recommender on a holdout split.
public struct EvaluationResult: Codable, Sendable, Equatable {
    public var method: String
    public var customers: Int
    public var k: Int
    /// Mean over evaluated customers of hits / k.
    public var precision: Double
    /// Mean of hits / hidden items.
    public var recall: Double
    /// Mean normalised discounted cumulative gain (binary gains, ideal = min(k, hidden) hits first).
    public var ndcg: Double
    /// Distinct items recommended to anyone / items in the catalogue.
    public var coverage: Double
    /// Seconds to fit the model (wall clock; 0 when not measured).
    public var fitSeconds: Double
}

public enum Evaluation {
    /// Scores `model`'s top `k` (never items bought in training) against the hidden items of every
    /// evaluated customer.
    public static func evaluate(
        _ model: some Recommender, method: String, split: HoldoutSplit, k: Int = 15,
        fitSeconds: Double = 0
    ) -> EvaluationResult {
        let popularity = split.train.itemPopularity
        var precision = 0.0, recall = 0.0, ndcg = 0.0
        var recommended = Set<Int>()
        let customers = split.hidden.keys.sorted()
        for u in customers {
            let hidden = split.hidden[u]!
            let list = model.recommend(customer: u, k: k, data: split.train, popularity: popularity)
            recommended.formUnion(list)
            var hits = 0, dcg = 0.0
            for (rank, item) in list.enumerated() where hidden.contains(item) {
                hits += 1
                dcg += 1 / log2(Double(rank) + 2)
            }
            let ideal = (0..<min(k, hidden.count)).reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
            precision += Double(hits) / Double(k)
            recall += Double(hits) / Double(hidden.count)
            ndcg += ideal > 0 ? dcg / ideal : 0
        }
        let n = Double(max(customers.count, 1))
        return EvaluationResult(
            method: method, customers: customers.count, k: k, precision: precision / n, recall: recall / n,
            ndcg: ndcg / n, coverage: Double(recommended.count) / Double(max(split.train.items.count, 1)),
            fitSeconds: fitSeconds)
    }
}
