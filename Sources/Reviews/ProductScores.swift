/// Sentiment and stars for one topic of one product, for a dashboard to show side by side.
public struct TopicScore: Sendable, Equatable, Codable {
    /// The topic's name.
    public let topic: String
    /// Sentences that mention the topic.
    public let sentences: Int
    /// Reviews with at least one such sentence.
    public let reviews: Int
    /// Mean predicted sentiment of those sentences, 0…5 (the model's expected rating mapped to 0–5).
    public let sentiment: Double
    /// Share of those sentences the model calls positive.
    public let positiveShare: Double
    /// Mean star rating given in the reviews that mention the topic (nil when none has a rating).
    public let meanRating: Double?
    /// How many of those reviews have a rating.
    public let ratedReviews: Int

    /// Creates a topic's scores.
    public init(
        topic: String, sentences: Int, reviews: Int, sentiment: Double, positiveShare: Double,
        meanRating: Double?, ratedReviews: Int
    ) {
        (self.topic, self.sentences, self.reviews, self.sentiment) = (topic, sentences, reviews, sentiment)
        (self.positiveShare, self.meanRating, self.ratedReviews) = (positiveShare, meanRating, ratedReviews)
    }
}

/// Sentiment and stars for one product, overall and per topic.
public struct ProductScore: Sendable, Equatable, Codable {
    /// The product.
    public let productID: String
    /// Reviews analysed (after duplicates were dropped).
    public let reviews: Int
    /// Mean predicted sentiment of whole reviews, 0…5.
    public let sentiment: Double
    /// Share of reviews the model calls positive.
    public let positiveShare: Double
    /// Mean star rating given (nil when no review has one).
    public let meanRating: Double?
    /// Reviews with a rating.
    public let ratedReviews: Int
    /// Topics mentioned at least once, in dictionary order.
    public let topics: [TopicScore]

    /// Creates a product's scores.
    public init(
        productID: String, reviews: Int, sentiment: Double, positiveShare: Double, meanRating: Double?,
        ratedReviews: Int, topics: [TopicScore]
    ) {
        (self.productID, self.reviews, self.sentiment) = (productID, reviews, sentiment)
        self.positiveShare = positiveShare
        (self.meanRating, self.ratedReviews, self.topics) = (meanRating, ratedReviews, topics)
    }
}

/// Running sums behind `ProductScore`: constant memory per product and topic, so reviews can stream.
struct ScoreAccumulator {
    private struct Sums {
        var count = 0, positives = 0, starsSum = 0.0, ratingSum = 0.0, rated = 0, reviews = 0
        mutating func add(stars: Double, positive: Bool) {
            count += 1
            starsSum += stars
            if positive { positives += 1 }
        }
        mutating func addReview(rating: Double?) {
            reviews += 1
            if let rating { ratingSum += rating; rated += 1 }
        }
        var meanRating: Double? { rated > 0 ? ratingSum / Double(rated) : nil }
        var sentiment: Double { count > 0 ? starsSum / Double(count) : 0 }
        var positiveShare: Double { count > 0 ? Double(positives) / Double(count) : 0 }
    }

    private struct Product { var overall = Sums(), topics: [String: Sums] = [:] }
    private var products: [String: Product] = [:]
    private let topicOrder: [String]

    init(topicOrder: [String]) { self.topicOrder = topicOrder }

    /// Adds one review: its own score, and the scores of its sentences that mention topics.
    mutating func add(
        productID: String, rating: Double?, score: SentimentScore,
        topicSentences: [(topics: [String], score: SentimentScore)]
    ) {
        // Mutated in place (`default:` subscripts), so the dictionaries are never copied.
        products[productID, default: Product()].overall.add(stars: score.stars, positive: score.isPositive)
        products[productID, default: Product()].overall.addReview(rating: rating)
        var mentioned: Set<String> = []
        for (topics, sentenceScore) in topicSentences {
            for topic in topics {
                products[productID, default: Product()].topics[topic, default: Sums()]
                    .add(stars: sentenceScore.stars, positive: sentenceScore.isPositive)
                mentioned.insert(topic)
            }
        }
        for topic in mentioned {
            products[productID, default: Product()].topics[topic, default: Sums()].addReview(rating: rating)
        }
    }

    /// The scores so far, products sorted by id.
    var scores: [ProductScore] {
        products.sorted { $0.key < $1.key }.map { id, entry in
            let topics = topicOrder.compactMap { name -> TopicScore? in
                guard let sums = entry.topics[name] else { return nil }
                return TopicScore(
                    topic: name, sentences: sums.count, reviews: sums.reviews, sentiment: sums.sentiment,
                    positiveShare: sums.positiveShare, meanRating: sums.meanRating, ratedReviews: sums.rated)
            }
            return ProductScore(
                productID: id, reviews: entry.overall.reviews, sentiment: entry.overall.sentiment,
                positiveShare: entry.overall.positiveShare, meanRating: entry.overall.meanRating,
                ratedReviews: entry.overall.rated, topics: topics)
        }
    }
}
