import Foundation

/// Content-based: items are alike when their text says alike things at alike prices.
///
/// Each item's text (and category, as one more term `category:<name>`) becomes a TF-IDF vector
/// (`tf · (ln((1 + N) / (1 + df)) + 1)`, the smoothed IDF, so a word every item shares still counts a little;
/// words of two or more letters or digits, lower-cased; L2-normalised); two items'
/// similarity is `(1 − priceWeight) · cos(text) + priceWeight · exp(−|ln pᵢ − ln pⱼ|)` for pairs whose texts
/// share a term (price alone never makes neighbours; an unknown price counts as the median). Nearest
/// neighbours are exact (all pairs sharing a term, through an inverted index), `neighbours` kept per item; a
/// customer's score of an item is the sum of its similarities to the items they bought.
public struct ContentRecommender: Recommender {
    public struct Options: Sendable, Equatable {
        /// Neighbours kept per item. Default 100, as for "bought together".
        public var neighbours = 100
        /// Weight of the price kernel against the text cosine. Default 0.2: text decides, price breaks ties.
        public var priceWeight: Float = 0.2
        public init(neighbours: Int = 100, priceWeight: Float = 0.2) {
            (self.neighbours, self.priceWeight) = (neighbours, priceWeight)
        }
    }

    public let similar: ItemNeighbours
    let data: Interactions

    /// `info` describes the items of `data` (matched by id; items without a description use their id).
    public init(_ data: Interactions, info: [ItemInfo], options: Options = Options()) {
        let byID = Dictionary(info.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let n = data.items.count
        let documents = data.items.map { id -> [String] in
            let item = byID[id]
            return Self.terms(item?.text ?? id) + (item?.category.map { ["category:" + $0.lowercased()] } ?? [])
        }
        var vocabulary: [String: Int] = [:], frequency: [Int] = []
        let termCounts = documents.map { words -> [Int: Float] in
            var counts: [Int: Float] = [:]
            for word in words {
                let id =
                    vocabulary[word]
                    ?? {
                        vocabulary[word] = frequency.count; frequency.append(0); return frequency.count - 1
                    }()
                counts[id, default: 0] += 1
            }
            for id in counts.keys { frequency[id] += 1 }
            return counts
        }
        // TF-IDF, L2-normalised, and the inverted index term → (item, weight).
        var postings = [[(Int32, Float)]](repeating: [], count: frequency.count)
        for (i, counts) in termCounts.enumerated() {
            var vector = counts.map {
                ($0.key, $0.value * Float(log(Double(n + 1) / Double(frequency[$0.key] + 1)) + 1))
            }
            let norm = vector.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            guard norm > 0 else { continue }
            vector = vector.map { ($0.0, $0.1 / norm) }
            for (term, weight) in vector { postings[term].append((Int32(i), weight)) }
        }
        let known = info.compactMap(\.price).filter { $0 > 0 }.sorted()
        let median = known.isEmpty ? 1 : known[known.count / 2]
        let logPrice = data.items.map { Float(log(max(byID[$0]?.price ?? median, 1e-6))) }
        var dense = [Float](repeating: 0, count: n * n)
        dense.withUnsafeMutableBufferPointer { matrix in
            for list in postings where list.count > 1 {
                for (a, wa) in list {
                    let row = Int(a) * n
                    for (b, wb) in list { matrix[row + Int(b)] += wa * wb }
                }
            }
            let w = options.priceWeight
            for i in 0..<n {
                for j in 0..<n where matrix[i * n + j] > 0 {
                    matrix[i * n + j] = (1 - w) * matrix[i * n + j] + w * exp(-abs(logPrice[i] - logPrice[j]))
                }
            }
        }
        similar = ItemNeighbours(dense: dense, items: n, count: options.neighbours)
        self.data = data
    }

    /// Lower-cased words of two or more letters or digits.
    static func terms(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count >= 2 }
    }

    public func score(customer u: Int, into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        similar.accumulate(history: data.items(of: u), into: &scores)
    }

    /// The bought item most like `item`.
    public func reason(customer u: Int, item: Int) -> Int? {
        similar.strongestLink(to: item, history: data.items(of: u))
    }
}
