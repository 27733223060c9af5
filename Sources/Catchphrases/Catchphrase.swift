import Foundation

/// Why a line can be trusted: the topic's figures and review sentences that say it.
public struct CatchphraseEvidence: Sendable, Equatable, Codable {
    /// Reviews that mention the topic.
    public var reviews: Int
    /// Sentences about the topic.
    public var sentences: Int
    /// Share of those sentences the model calls positive.
    public var positiveShare: Double
    /// Mean model sentiment of those sentences, 0–5.
    public var sentiment: Double
    /// Mean stars of the reviews that mention the topic (nil when none has stars).
    public var meanRating: Double?
    /// Reviews whose positive sentences use the hook word.
    public var hookReviews: Int
    /// Review sentences quoted as they were written (most positive first).
    public var quotes: [String]

    /// The score shown beside the line, 0–5: mean stars when known, else the model's sentiment.
    public var score: Double { meanRating ?? sentiment }
}

/// Where a suggested line stands: curated on the dashboard, approved lines are exported for the next show.
public enum CatchphraseState: String, Sendable, CaseIterable, Codable {
    case suggested, approved, rejected
}

/// A short sales line for a product's next show, built from a review topic it scores well on.
public struct Catchphrase: Sendable, Equatable {
    /// The catalog's row id (0 before it is stored).
    public var id: Int64
    /// The product.
    public var productID: String
    /// The review topic it sells (e.g. 보습).
    public var topic: String
    /// The reviews' own word the line is built on (e.g. 촉촉함); the keyword tracked in the next show.
    public var hook: String
    /// The line, as generated or as edited.
    public var line: String
    /// The figures and quotes behind it.
    public var evidence: CatchphraseEvidence
    /// Where it stands.
    public var state: CatchphraseState

    /// A line from its fields.
    public init(
        id: Int64 = 0, productID: String, topic: String, hook: String, line: String, evidence: CatchphraseEvidence,
        state: CatchphraseState = .suggested
    ) {
        (self.id, self.productID, self.topic, self.hook, self.line) = (id, productID, topic, hook, line)
        (self.evidence, self.state) = (evidence, state)
    }
}

/// Where lines are kept (the workspace catalog implements it).
public protocol CatchphraseStore: Sendable {
    /// Replaces `product`'s still-suggested lines with `lines` (approved and rejected ones stay).
    func replaceSuggestions(_ lines: [Catchphrase], product: String, now: Date) throws
    /// Lines in `states`, by product then id.
    func catchphrases(in states: Set<CatchphraseState>) throws -> [Catchphrase]
    /// Sets a line's state and, when given, its edited text; false when it is unknown.
    func updateCatchphrase(
        _ id: Int64, state: CatchphraseState, line: String?, by account: String, now: Date
    ) throws -> Bool
}
