import Foundation

/// What the reviews stage writes to `broadcasts/<id>/reviews.json`, and what the dashboard reads.
///
/// Field names follow the Reviews module's `ProductScore`/`TopicScore`/`WeightedWord`, so the file is
/// those values merged per product. Example:
/// ```json
/// {"products": [{"productID": "P001", "name": "울 니트", "reviews": 120, "sentiment": 3.9,
///   "meanRating": 4.3, "topics": [{"topic": "품질", "sentences": 40, "sentiment": 4.1, "meanRating": 4.5}],
///   "positiveWords": [{"word": "부드럽다", "count": 30, "weight": 1.0}],
///   "negativeWords": [{"word": "보풀", "count": 4, "weight": 0.3}]}]}
/// ```
public struct ReviewDigest: Codable, Sendable, Equatable {
    /// One product's review figures.
    public struct Product: Codable, Sendable, Equatable {
        /// Product id, as in the event log and metadata.
        public var productID: String
        /// Display name, when known.
        public var name: String?
        /// Reviews analysed.
        public var reviews: Int
        /// Mean sentiment of whole reviews, 0…5.
        public var sentiment: Double
        /// Mean star rating, 1…5 (nil when no review has stars).
        public var meanRating: Double?
        /// Per-topic figures.
        public var topics: [Topic]
        /// Words for the positive word cloud, most frequent first.
        public var positiveWords: [Word]
        /// Words for the negative word cloud, most frequent first.
        public var negativeWords: [Word]

        /// Creates a product's figures.
        public init(productID: String, name: String? = nil, reviews: Int, sentiment: Double, meanRating: Double?,
                    topics: [Topic], positiveWords: [Word] = [], negativeWords: [Word] = []) {
            (self.productID, self.name, self.reviews, self.sentiment, self.meanRating) = (productID, name, reviews, sentiment, meanRating)
            (self.topics, self.positiveWords, self.negativeWords) = (topics, positiveWords, negativeWords)
        }
    }

    /// One topic's figures within a product.
    public struct Topic: Codable, Sendable, Equatable {
        /// Topic name (e.g. 품질).
        public var topic: String
        /// Sentences that mention it.
        public var sentences: Int
        /// Mean sentiment of those sentences, 0…5.
        public var sentiment: Double
        /// Mean stars of the reviews that mention it.
        public var meanRating: Double?

        /// Creates a topic's figures.
        public init(topic: String, sentences: Int, sentiment: Double, meanRating: Double?) {
            (self.topic, self.sentences, self.sentiment, self.meanRating) = (topic, sentences, sentiment, meanRating)
        }
    }

    /// A word-cloud word.
    public struct Word: Codable, Sendable, Equatable {
        /// The word.
        public var word: String
        /// Occurrences.
        public var count: Int
        /// Relative size 0…1 (optional; derived from counts when absent).
        public var weight: Double?

        /// Creates a word.
        public init(word: String, count: Int, weight: Double? = nil) { (self.word, self.count, self.weight) = (word, count, weight) }
    }

    /// Products, in display order.
    public var products: [Product]

    /// Creates a digest.
    public init(products: [Product]) { self.products = products }
}
