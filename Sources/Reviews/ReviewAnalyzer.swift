/// One analysed review: what the CLI's `--json` lists for every review.
public struct ReviewResult: Sendable, Equatable, Codable {
    /// The file's review id, if any.
    public let reviewID: String?
    /// The product.
    public let productID: String
    /// Line in the file.
    public let line: Int
    /// Star rating given, if any.
    public let rating: Double?
    /// The model's verdict on the whole review.
    public let positive: Bool
    /// Probability that the review is positive.
    public let probability: Double
    /// Predicted sentiment, 0…5.
    public let sentiment: Double
    /// Topics the review mentions.
    public let topics: [String]
}

/// Everything the reviews stage produces besides the per-review results.
public struct ReviewAnalysis: Sendable, Equatable, Codable {
    /// Per product and per topic scores.
    public let products: [ProductScore]
    /// Word-cloud words per product, sorted by product id.
    public let wordClouds: [WordCloudWords]
    /// Alerts raised, in the order they fired.
    public let alerts: [ReviewAlert]
    /// Reviews analysed (after duplicates and the product filter).
    public let reviews: Int
    /// Exact duplicates dropped.
    public let exactDuplicates: Int
    /// Near duplicates dropped.
    public let nearDuplicates: Int
}

/// The reviews stage: reviews stream in one at a time (`add`), are de-duplicated, split into sentences,
/// assigned to topics and scored by the model; totals, word clouds and alerts accumulate in memory that
/// grows with products, topics and vocabulary, not with reviews. Used by the CLI and the pipeline.
public struct ReviewAnalyzer {
    /// Analysis settings.
    public struct Options: Sendable {
        /// Topic dictionary (default `TopicDictionary.commerceDefaults`).
        public var topics = TopicDictionary.commerceDefaults
        /// Alert policy (default `AlertPolicy()`).
        public var alertPolicy = AlertPolicy()
        /// Words per side of each word cloud (default 40).
        public var wordCloudSize = 40
        /// Only this product's reviews, if set.
        public var productID: String?
        /// The star scale of the reviews (default 1…5, as `ReviewReader.Options`), to read a rating as high or low.
        public var ratingRange: ClosedRange<Double> = 1...5
        /// Defaults.
        public init() {}
    }

    private let model: SentimentModel
    private let options: Options
    private let contentWords: ContentWords
    private var duplicates = DuplicateFilter()
    private var scores: ScoreAccumulator
    private var clouds: [String: WordCloudCounter] = [:]
    private var monitor: AlertMonitor
    private var alerts: [ReviewAlert] = []
    private var counts = (reviews: 0, exact: 0, near: 0)

    /// An analyzer scoring with `model`.
    public init(model: SentimentModel, options: Options = Options()) {
        (self.model, self.options) = (model, options)
        contentWords = ContentWords(topics: options.topics)
        scores = ScoreAccumulator(topicOrder: options.topics.topics.map(\.name))
        monitor = AlertMonitor(policy: options.alertPolicy)
    }

    /// Analyses one review; nil when it was filtered out (another product) or dropped as a duplicate.
    /// An alert raised by this review is also returned through `onAlert`.
    public mutating func add(_ review: Review, onAlert: (ReviewAlert) -> Void = { _ in }) -> ReviewResult? {
        if let only = options.productID, review.productID != only { return nil }
        let normalized = ReviewText.normalize(review.text)
        switch duplicates.check(productID: review.productID, normalized: normalized) {
        case .exactDuplicate: counts.exact += 1; return nil
        case .nearDuplicate: counts.near += 1; return nil
        case .unique: counts.reviews += 1
        }
        let sentences = SentenceSplitter.split(review.text)
        // A one-sentence review is its own sentence: score it once.
        let score = sentences == [normalized] ? nil : model.score(normalized: normalized)
        var sentenceScores: [SentimentScore] = []
        var topicSentences: [(topics: [String], score: SentimentScore)] = []
        var byTopic: [String: (texts: [String], probability: Double)] = [:]
        for sentence in sentences {
            let sentenceScore = model.score(normalized: sentence)
            sentenceScores.append(sentenceScore)
            for clause in Clause.split(sentence) {
                let probability =
                    clause.text == sentence
                    ? sentenceScore.probability
                    : model.score(normalized: clause.text).probability
                let polarity = SentencePolarity.of(
                    clause, probability: probability, rating: review.rating,
                    ratingRange: options.ratingRange)
                clouds[review.productID, default: WordCloudCounter()].add(
                    words: contentWords.words(of: clause.text),
                    probability: probability, polarity: polarity)
            }
            let topics = options.topics.topics(of: sentence)
            guard !topics.isEmpty else { continue }
            topicSentences.append((topics, sentenceScore))
            for topic in topics {
                byTopic[topic, default: ([], 0)].texts.append(sentence)
                byTopic[topic, default: ([], 0)].probability += sentenceScore.probability
            }
        }
        let reviewScore = score ?? sentenceScores.first ?? model.score(normalized: normalized)
        scores.add(
            productID: review.productID, rating: review.rating, score: reviewScore, topicSentences: topicSentences)
        let mentioned = options.topics.topics.map(\.name).filter { byTopic[$0] != nil }
        for topic in mentioned {
            guard let entry = byTopic[topic] else { continue }
            let evidence = ReviewAlert.Evidence(
                reviewID: review.reviewID, line: review.line, text: entry.texts.joined(separator: " "),
                probability: entry.probability / Double(entry.texts.count))
            if let alert = monitor.record(productID: review.productID, topic: topic, evidence: evidence) {
                alerts.append(alert)
                onAlert(alert)
            }
        }
        return ReviewResult(
            reviewID: review.reviewID, productID: review.productID, line: review.line, rating: review.rating,
            positive: reviewScore.isPositive, probability: reviewScore.probability, sentiment: reviewScore.stars,
            topics: mentioned)
    }

    /// The totals so far.
    public var analysis: ReviewAnalysis {
        ReviewAnalysis(
            products: scores.scores,
            wordClouds: clouds.sorted { $0.key < $1.key }.map { $1.words(productID: $0, limit: options.wordCloudSize) },
            alerts: alerts, reviews: counts.reviews, exactDuplicates: counts.exact, nearDuplicates: counts.near)
    }
}
