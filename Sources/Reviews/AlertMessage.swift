import Foundation

/// The JSON body posted for an alert: Slack incoming-webhook compatible (`text` is what Slack shows),
/// with the structured alert under `liveinsight` for other receivers.
public struct AlertMessage: Sendable, Equatable, Codable {
    /// Human-readable summary (Slack mrkdwn).
    public let text: String
    /// The alert itself.
    public let liveinsight: ReviewAlert

    /// The message for `alert`; at most `quoted` reviews are quoted in `text` (all are in `liveinsight`).
    public init(alert: ReviewAlert, quoted: Int = 3) {
        let percent = Int((alert.negativeShare * 100).rounded())
        var lines = [
            "*\(alert.productID) · \(alert.topic)*: \(percent)% negative in the last \(alert.windowReviews) reviews "
                + "(threshold \(Int((alert.threshold * 100).rounded()))%)"
        ]
        for review in alert.reviews.suffix(quoted) {
            lines.append(
                "> \(review.text.prefix(200))" + (review.reviewID.map { " (\($0))" } ?? " (line \(review.line))"))
        }
        text = lines.joined(separator: "\n")
        liveinsight = alert
    }

    /// The UTF-8 JSON body.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{\"text\":\"alert\"}".utf8)
    }
}
