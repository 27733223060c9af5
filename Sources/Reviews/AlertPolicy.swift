/// When a topic's negative share among a product's recent reviews is worth an alert.
///
/// For each product and topic the monitor keeps the last `window` reviews that mention the topic; a review
/// counts as negative for the topic when the mean positive probability of its sentences on the topic is below
/// 0.5. An alert fires when at least `minimumReviews` are in the window and the negative share rises past
/// `threshold` (from at or below it); it re-arms once the share is back at or below `threshold` and at least
/// `window` more reviews of the topic have come since it fired, so a share that hovers near the threshold
/// raises at most one alert per window.
/// The file's order is taken as time order (oldest first), as shopping-site exports are.
public struct AlertPolicy: Sendable, Equatable {
    /// Negative share that triggers an alert (default 0.4: a topic most buyers like rarely passes it).
    public var threshold: Double
    /// Recent reviews per product and topic (default 20).
    public var window: Int
    /// Reviews needed in the window before the share is judged (default 8: with a typical 20 % share of
    /// negative reviews, 4 or more negatives among 8 happen by chance about 6 % of the time; among 5, 3 or
    /// more happen 6 % of the time too but on far less evidence, and the demo fired on noise).
    public var minimumReviews: Int

    /// A policy; defaults as documented on each property.
    public init(threshold: Double = 0.4, window: Int = 20, minimumReviews: Int = 8) {
        (self.threshold, self.window, self.minimumReviews) = (threshold, max(1, window), max(1, minimumReviews))
    }
}

/// A raised alert: the topic, its share and the negative reviews in the window that caused it.
public struct ReviewAlert: Sendable, Equatable, Codable {
    /// A negative review behind the alert.
    public struct Evidence: Sendable, Equatable, Codable {
        /// The review's id, if the file has one.
        public let reviewID: String?
        /// Its line in the file.
        public let line: Int
        /// The sentences about the topic.
        public let text: String
        /// Their mean positive probability.
        public let probability: Double
    }

    /// The product.
    public let productID: String
    /// The topic.
    public let topic: String
    /// Negative share in the window when the alert fired.
    public let negativeShare: Double
    /// Reviews in the window.
    public let windowReviews: Int
    /// The policy threshold it passed.
    public let threshold: Double
    /// The negative reviews in the window, oldest first.
    public let reviews: [Evidence]
}

/// Applies an `AlertPolicy` to reviews as they stream past. Memory: `window` entries per product and topic.
struct AlertMonitor {
    private struct Entry { let negative: Bool; let evidence: ReviewAlert.Evidence }
    private struct Key: Hashable { let product: String, topic: String }

    let policy: AlertPolicy
    private var windows: [Key: [Entry]] = [:]
    /// Per key: reviews recorded since the last alert (absent: never fired, armed).
    private var sinceAlert: [Key: Int] = [:]

    init(policy: AlertPolicy) { self.policy = policy }

    /// Records one review's sentences on one topic; returns an alert when this review tips the share over.
    mutating func record(productID: String, topic: String, evidence: ReviewAlert.Evidence) -> ReviewAlert? {
        let key = Key(product: productID, topic: topic)
        windows[key, default: []].append(Entry(negative: evidence.probability < 0.5, evidence: evidence))
        if let count = windows[key]?.count, count > policy.window { windows[key]?.removeFirst(count - policy.window) }
        let entries = windows[key] ?? []
        let negatives = entries.filter(\.negative)
        let share = Double(negatives.count) / Double(entries.count)
        if let since = sinceAlert[key] {
            sinceAlert[key] = since + 1
            if since + 1 >= policy.window, share <= policy.threshold { sinceAlert[key] = nil }  // re-armed
            return nil
        }
        guard share > policy.threshold, entries.count >= policy.minimumReviews else { return nil }
        sinceAlert[key] = 0
        return ReviewAlert(
            productID: productID, topic: topic, negativeShare: share, windowReviews: entries.count,
            threshold: policy.threshold, reviews: negatives.map(\.evidence))
    }
}
