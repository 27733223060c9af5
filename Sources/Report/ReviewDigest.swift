import Reviews

/// What the reviews stage writes to `broadcasts/<id>/reviews.json`, and what the dashboard reads: the review
/// model's own results (`Reviews.ProductScore`, `Reviews.WordCloudWords`) per product, with its display name.
/// Example (shortened):
/// ```json
/// {"products": [{"name": "울 니트",
///   "score": {"productID": "P001", "reviews": 120, "sentiment": 3.9, "positiveShare": 0.8, "meanRating": 4.3,
///             "ratedReviews": 118, "topics": [{"topic": "품질", "sentences": 40, "reviews": 38, "sentiment": 4.1,
///                                             "positiveShare": 0.9, "meanRating": 4.5, "ratedReviews": 37}]},
///   "words": {"productID": "P001", "positive": [{"word": "부드럽다", "weight": 12.5, "count": 30}],
///             "negative": [{"word": "보풀", "weight": 2.1, "count": 4}]}}]}
/// ```
public struct ReviewDigest: Codable, Sendable, Equatable {
    /// One product's review results.
    public struct Product: Codable, Sendable, Equatable {
        /// Display name, when the broadcast's metadata knows it.
        public var name: String?
        /// Sentiment and stars, overall and per topic.
        public var score: ProductScore
        /// The words of its positive and negative word clouds, heaviest first.
        public var words: WordCloudWords

        /// The product's id, as in the event log and metadata.
        public var productID: String { score.productID }

        /// Creates a product's results.
        public init(name: String? = nil, score: ProductScore, words: WordCloudWords) {
            (self.name, self.score, self.words) = (name, score, words)
        }
    }

    /// Products, in display order.
    public var products: [Product]

    /// Creates a digest.
    public init(products: [Product]) { self.products = products }
}
