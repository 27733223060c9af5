import Foundation
import Hangul
import Reviews

/// Builds sales lines for a product's next show from its reviews, offline: the reviews' sentences are split,
/// assigned to topics and scored by the review sentiment model (as `liveinsight reviews` does); topics that
/// pass the ``CatchphrasePolicy`` get lines from ``templates`` filled with the topic, the reviews' own most
/// shared positive word on it (the hook) and the figures, with particles chosen by the final consonant.
public struct CatchphraseGenerator: Sendable {
    /// The thresholds.
    public let policy: CatchphrasePolicy
    private let model: SentimentModel
    private let topics: TopicDictionary
    private let contentWords: ContentWords

    /// A generator scoring with `model` and assigning topics with `topics`.
    public init(
        model: SentimentModel, topics: TopicDictionary = .commerceDefaults,
        policy: CatchphrasePolicy = CatchphrasePolicy()
    ) {
        (self.model, self.topics, self.policy) = (model, topics, policy)
        contentWords = ContentWords(topics: topics)
    }

    /// Line templates for a noun hook (`{W}` = 촉촉함): `{T}` topic, `{N}` reviews, `{S}` score; a particle in
    /// braces after a placeholder (`{T}{은}`) is chosen for the word before it.
    public static let nounTemplates = [
        "{T}{은} 역시 {W}! 리뷰 {N}개가 증명합니다",
        "{W}{이} 다른 {T}, 별점 {S}점의 이유",
        "써 본 분들이 먼저 말하는 {W}, {T} 걱정 끝",
        "{T} {S}점, {W}{으로} 고른 분들의 선택",
    ]
    /// Line templates for a predicate hook (`{W}` = 예뻐요).
    public static let predicateTemplates = [
        "{T}{이} {W}! 리뷰 {N}개가 말합니다",
        "써 본 분들 한목소리, {T}{이} {W}",
        "{T} 별점 {S}점, 다들 {W}",
    ]

    /// Lines for `product` from its `reviews` (others are ignored), and the verdict on every topic it mentions.
    public func suggest(product: String, reviews: [Review]) -> (lines: [Catchphrase], verdicts: [TopicVerdict]) {
        var byTopic: [String: TopicEvidence] = [:]
        for (index, review) in reviews.enumerated() where review.productID == product {
            for sentence in SentenceSplitter.split(review.text) {
                let score = model.score(normalized: sentence)
                for topic in topics.topics(of: sentence) {
                    byTopic[topic, default: TopicEvidence(topic: topic)].sentences.append(
                        .init(text: sentence, review: index, score: score))
                    byTopic[topic]?.reviews.insert(index)
                    if let rating = review.rating { byTopic[topic]?.ratings[index] = rating }
                }
            }
        }
        var lines: [Catchphrase] = []
        var verdicts: [TopicVerdict] = []
        for name in topics.topics.map(\.name) {
            guard let evidence = byTopic[name] else { continue }
            var rejected = evidence.rejection(policy)
            if rejected == nil {
                let built = self.lines(product: product, evidence: evidence, offset: lines.count)
                if built.isEmpty { rejected = .noHookWord }
                lines += built
            }
            verdicts.append(
                TopicVerdict(
                    topic: name, reviews: evidence.reviews.count, positiveShare: evidence.positiveShare,
                    score: evidence.meanRating ?? evidence.sentiment, rejected: rejected))
        }
        // Strongest topics first, then cut to the product's budget.
        let ranked = lines.sorted {
            ($0.evidence.score, $0.evidence.hookReviews) > ($1.evidence.score, $1.evidence.hookReviews)
        }
        return (Array(ranked.prefix(policy.maximumLines)), verdicts)
    }

    /// Up to four lines on one qualifying topic: two templates for each of its two most shared hook words,
    /// templates taken in turn from `offset` so a product's lines vary.
    private func lines(product: String, evidence: TopicEvidence, offset: Int) -> [Catchphrase] {
        // Another topic's keyword (가격 in a 효과 line) would sell the wrong thing;
        // the topic's own (예뻐요 for 디자인) is welcome.
        let topicWords = Set(
            topics.topics.filter { $0.name != evidence.topic }.flatMap { Array($0.words) + $0.prefixes })
        var hookReviews: [String: Set<Int>] = [:]
        for sentence in evidence.sentences where sentence.score.isPositive {
            for word in contentWords.words(of: sentence.text)
            where HookWord.kind(word) != nil && !topicWords.contains(word)
                && !topicWords.contains(where: { word.hasPrefix($0) }) && !evidence.topic.contains(word)
            {
                hookReviews[word, default: []].insert(sentence.review)
            }
        }
        let hooks = hookReviews.filter { $0.value.count >= policy.minimumHookReviews }
            .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(2)
        return hooks.enumerated().flatMap { position, hook in
            var quoted = Set<String>()  // the same sentence in two reviews is quoted once
            let quotes = evidence.sentences.filter { $0.score.isPositive && $0.text.contains(hook.key) }
                .sorted { $0.score.probability > $1.score.probability }.map(\.text).filter {
                    quoted.insert($0).inserted
                }.prefix(3)
            let figures = CatchphraseEvidence(
                reviews: evidence.reviews.count, sentences: evidence.sentences.count,
                positiveShare: evidence.positiveShare,
                sentiment: evidence.sentiment, meanRating: evidence.meanRating, hookReviews: hook.value.count,
                quotes: Array(quotes))
            let templates = HookWord.kind(hook.key) == .predicate ? Self.predicateTemplates : Self.nounTemplates
            return (0..<2).map { turn in
                let template = templates[(offset + 2 * position + turn) % templates.count]
                return Catchphrase(
                    productID: product, topic: evidence.topic, hook: hook.key,
                    line: Self.fill(template, topic: evidence.topic, hook: hook.key, evidence: figures),
                    evidence: figures)
            }
        }
    }

    /// `template` with its placeholders and particles filled in.
    static func fill(_ template: String, topic: String, hook: String, evidence: CatchphraseEvidence) -> String {
        var text = template
        for (word, placeholder) in [(topic, "{T}"), (hook, "{W}")] {
            let particles: [(String, String)] = [
                ("{은}", Particle.topic(word)), ("{이}", Particle.subject(word)),
                ("{을}", Particle.object(word)), ("{으로}", Particle.direction(word)),
            ]
            for (marker, particle) in particles {
                text = text.replacingOccurrences(of: placeholder + marker, with: word + particle)
            }
            text = text.replacingOccurrences(of: placeholder, with: word)
        }
        return text.replacingOccurrences(of: "{N}", with: "\(evidence.reviews)")
            .replacingOccurrences(of: "{S}", with: String(format: "%.1f", evidence.score))
    }
}
