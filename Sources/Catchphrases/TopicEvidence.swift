import Reviews

/// One product's review sentences on one topic, scored, as the generator weighs them.
struct TopicEvidence {
    struct Sentence {
        let text: String
        let review: Int
        let score: SentimentScore
    }

    let topic: String
    var sentences: [Sentence] = []
    var reviews = Set<Int>()
    var ratings: [Int: Double] = [:]

    init(topic: String) { self.topic = topic }

    var positiveShare: Double {
        sentences.isEmpty ? 0 : Double(sentences.filter(\.score.isPositive).count) / Double(sentences.count)
    }
    var sentiment: Double {
        sentences.isEmpty ? 0 : sentences.map(\.score.stars).reduce(0, +) / Double(sentences.count)
    }
    var meanRating: Double? { ratings.isEmpty ? nil : ratings.values.reduce(0, +) / Double(ratings.count) }

    /// Why `policy` rules the topic out, or nil when it qualifies.
    func rejection(_ policy: CatchphrasePolicy) -> TopicVerdict.Reason? {
        if reviews.count < policy.minimumReviews { return .fewReviews }
        if positiveShare < policy.minimumPositiveShare { return .mixedSentiment }
        if (meanRating ?? sentiment) < policy.minimumScore { return .lowScore }
        return nil
    }
}

/// What the generator decided about one topic of a product, so the dashboard and tests can say why a topic
/// got no lines.
public struct TopicVerdict: Sendable, Equatable {
    /// Why a topic was passed over.
    public enum Reason: String, Sendable, Equatable {
        case fewReviews = "few reviews"
        case mixedSentiment = "mixed sentiment"
        case lowScore = "low score"
        case noHookWord = "no word shared by enough reviews"
    }
    /// The topic.
    public var topic: String
    /// Reviews that mention it.
    public var reviews: Int
    /// Share of its sentences the model calls positive.
    public var positiveShare: Double
    /// Its score, 0–5 (mean stars, else sentiment).
    public var score: Double
    /// Nil when lines were built on it.
    public var rejected: Reason?
}
