/// A weighted word for a word cloud.
public struct WeightedWord: Sendable, Equatable, Codable {
    /// The word.
    public let word: String
    /// Its weight: the summed confidence `|2p − 1|` of the sentences of that polarity it occurs in.
    public let weight: Double
    /// How often it occurs in sentences of that polarity.
    public let count: Int

    /// Creates a weighted word.
    public init(word: String, weight: Double, count: Int) {
        (self.word, self.weight, self.count) = (word, weight, count)
    }
}

/// Positive and negative words of one product's reviews.
public struct WordCloudWords: Sendable, Equatable, Codable {
    /// The product.
    public let productID: String
    /// Words of positive sentences, heaviest first.
    public let positive: [WeightedWord]
    /// Words of negative sentences, heaviest first.
    public let negative: [WeightedWord]

    /// Creates a product's cloud words.
    public init(productID: String, positive: [WeightedWord], negative: [WeightedWord]) {
        (self.productID, self.positive, self.negative) = (productID, positive, negative)
    }
}

/// Which cloud a clause feeds, if any. The model was trained on movie reviews and calls many factual product
/// complaints positive (배송이 좀 늦었어요: p = 0.996), so a review's stars, when it has them, lead:
/// - a concessive clause (`Clause.isConcessive`: 배송은 늦었지만, 다만 …) takes the opposite of the stars;
/// - in a 4–5-star review a clause is positive unless the model calls it clearly negative (then it is mixed: none);
/// - in a 1–2-star review a clause is negative unless the model is sure it is positive (p ≥ 0.9: none);
/// - with 3 stars or none the model decides, clear of the middle (p ≥ 0.65 positive, p ≤ 0.35 negative),
///   and 3 stars cannot vouch for a positive clause.
/// A negated clause (안, 못, 않-, 없-) never feeds the positive cloud: 보풀도 안 생겨요 would show 보풀 as praise.
public enum SentencePolarity: Sendable, Equatable {
    /// Feeds the positive cloud.
    case positive
    /// Feeds the negative cloud.
    case negative

    /// The polarity of `clause` scored `probability`, in a review with `rating` on `ratingRange`.
    public static func of(
        _ clause: Clause, probability: Double, rating: Double?,
        ratingRange: ClosedRange<Double> = 1...5
    ) -> Self? {
        let stars = rating.map { ($0 - ratingRange.lowerBound) / (ratingRange.upperBound - ratingRange.lowerBound) }
        let tone: Self? = stars.flatMap { $0 >= 0.75 ? .positive : $0 <= 0.25 ? .negative : nil }
        let polarity: Self?
        if clause.isConcessive {
            polarity = tone.map { $0 == .positive ? .negative : .positive }
        } else if let tone {
            polarity =
                tone == .positive
                ? (probability > 0.35 ? .positive : nil)
                : (probability < 0.9 ? .negative : nil)
        } else {
            polarity = probability <= 0.35 ? .negative : probability >= 0.65 && stars == nil ? .positive : nil
        }
        return polarity == .positive && clause.isNegated ? nil : polarity
    }
}

/// Counts content words per polarity: each sentence's words go to the cloud of its polarity only, with the
/// sentence's confidence `|2p − 1|` as weight, so a word's weight is frequency × mean confidence there.
struct WordCloudCounter {
    private var sides: [SentencePolarity: [String: (count: Int, weight: Double)]] = [:]

    mutating func add(words: [String], probability: Double, polarity: SentencePolarity?) {
        guard let polarity else { return }
        let confidence = abs(2 * probability - 1)
        for word in words {
            sides[polarity, default: [:]][word, default: (0, 0)].count += 1
            sides[polarity, default: [:]][word, default: (0, 0)].weight += confidence
        }
    }

    /// The `limit` heaviest words on each side (ties broken by the word, so output is deterministic).
    func words(productID: String, limit: Int) -> WordCloudWords {
        func side(_ polarity: SentencePolarity) -> [WeightedWord] {
            (sides[polarity] ?? [:]).map { WeightedWord(word: $0.key, weight: $0.value.weight, count: $0.value.count) }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word }
                .prefix(limit).map { $0 }
        }
        return WordCloudWords(productID: productID, positive: side(.positive), negative: side(.negative))
    }
}
