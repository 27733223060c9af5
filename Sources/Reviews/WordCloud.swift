/// A weighted word for a word cloud.
public struct WeightedWord: Sendable, Equatable, Codable {
    /// The word.
    public let word: String
    /// Its weight: occurrences × mean sentence polarity (positive cloud) or × its opposite (negative cloud).
    public let weight: Double
    /// How often it occurs.
    public let count: Int
}

/// Positive and negative words of one product's reviews.
public struct WordCloudWords: Sendable, Equatable, Codable {
    /// The product.
    public let productID: String
    /// Words of positive sentences, heaviest first.
    public let positive: [WeightedWord]
    /// Words of negative sentences, heaviest first.
    public let negative: [WeightedWord]
}

/// Counts content words with the polarity of the sentences they occur in. A sentence's polarity is
/// `2p − 1` for the model's positive probability p (−1 … +1); a word's weight is the sum over its
/// occurrences, i.e. frequency × mean polarity.
struct WordCloudCounter {
    private var counts: [String: (count: Int, polarity: Double)] = [:]

    mutating func add(words: [String], probability: Double) {
        let polarity = 2 * probability - 1
        for word in words {
            counts[word, default: (0, 0)].count += 1
            counts[word, default: (0, 0)].polarity += polarity
        }
    }

    /// The `limit` heaviest words on each side (ties broken by the word, so output is deterministic).
    func words(productID: String, limit: Int) -> WordCloudWords {
        func side(_ sign: Double) -> [WeightedWord] {
            counts.compactMap { word, value -> WeightedWord? in
                let weight = sign * value.polarity
                return weight > 0 ? WeightedWord(word: word, weight: weight, count: value.count) : nil
            }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word }
            .prefix(limit).map { $0 }
        }
        return WordCloudWords(productID: productID, positive: side(1), negative: side(-1))
    }
}
