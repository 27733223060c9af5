/// When a review topic is strong enough to sell on. A topic qualifies only with enough reviews, a clear
/// majority of positive sentences (not mixed sentiment) and a good score; the defaults are deliberately strict
/// because a sales line that reviews contradict costs more than a missing one.
public struct CatchphrasePolicy: Sendable, Equatable {
    /// Reviews that must mention the topic (default 10: below that one or two fans make the figure).
    public var minimumReviews: Int
    /// Share of the topic's sentences the model calls positive (default 0.7: below it at least one sentence in
    /// three is negative, and sentiment is mixed).
    public var minimumPositiveShare: Double
    /// The topic's score, 0–5: mean stars when the reviews have them, else the model's sentiment (default 4.0).
    public var minimumScore: Double
    /// A hook word must appear in positive sentences of this many reviews (default 2: one review is an anecdote).
    public var minimumHookReviews: Int
    /// Lines per product at most (default 6).
    public var maximumLines: Int

    /// A policy; defaults as documented on each property.
    public init(
        minimumReviews: Int = 10, minimumPositiveShare: Double = 0.7, minimumScore: Double = 4.0,
        minimumHookReviews: Int = 2, maximumLines: Int = 6
    ) {
        (self.minimumReviews, self.minimumPositiveShare, self.minimumScore) = (
            minimumReviews, minimumPositiveShare, minimumScore
        )
        (self.minimumHookReviews, self.maximumLines) = (minimumHookReviews, maximumLines)
    }
}
