/// A fitted recommender: a score for every item for a customer of its training interactions.
public protocol Recommender: Sendable {
    /// Writes customer `u`'s score of every item into `scores` (count = items); higher is better.
    /// Scores of items the customer already bought are ignored by `recommend`.
    func score(customer u: Int, into scores: inout [Float])
}

/// One recommended item with its score and, where the model can tell, why.
public struct Recommendation: Codable, Sendable, Equatable {
    public var item: String
    public var score: Float
    public var reason: String?
}

/// The recommenders `recommend --method` picks from.
public enum RecommenderKind: String, Codable, Sendable, CaseIterable {
    case popular, together, viewed, content, als, hybrid
}

extension Recommender {
    /// The `k` best items for customer `u` that the customer has not bought, best first. Equal scores go
    /// to the more popular item (then the lower index), so a customer without history gets the popular list.
    public func recommend(customer u: Int?, k: Int, data: Interactions, popularity: [Int]) -> [Int] {
        var scores = [Float](repeating: 0, count: data.items.count)
        var bought = Set<Int32>()
        if let u {
            score(customer: u, into: &scores)
            bought = Set(data.items(of: u))
        }
        return TopK.select(k, scores: scores, tieBreak: popularity, excluding: bought)
    }
}

/// Partial selection of the best `k` of many scores.
enum TopK {
    static func select(_ k: Int, scores: [Float], tieBreak: [Int], excluding: Set<Int32>) -> [Int] {
        guard k > 0 else { return [] }
        func better(_ a: Int, _ b: Int) -> Bool {
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            if tieBreak[a] != tieBreak[b] { return tieBreak[a] > tieBreak[b] }
            return a < b
        }
        // A small sorted buffer: k is small (15) against thousands of items.
        var best: [Int] = []
        best.reserveCapacity(k + 1)
        for item in scores.indices where !excluding.contains(Int32(item)) && scores[item].isFinite {
            if best.count == k, !better(item, best[k - 1]) { continue }
            var position = best.count
            while position > 0, better(item, best[position - 1]) { position -= 1 }
            best.insert(item, at: position)
            if best.count > k { best.removeLast() }
        }
        return best
    }
}
