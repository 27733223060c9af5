import Foundation
import Testing

@testable import Reviews

/// The alert policy, the Slack-compatible message and delivery with retries to a real local HTTP server.
struct AlertTests {
    private func evidence(_ line: Int, _ probability: Double) -> ReviewAlert.Evidence {
        ReviewAlert.Evidence(reviewID: "R\(line)", line: line, text: "배송이 늦어요 \(line)", probability: probability)
    }

    /// Nothing fires below the minimum count; the alert fires once when the share rises past the
    /// threshold, lists the negative reviews, and re-arms after the share falls back and a window has passed.
    @Test func policyFiresOnRisingEdge() {
        var monitor = AlertMonitor(policy: AlertPolicy(threshold: 0.5, window: 4, minimumReviews: 3))
        let probabilities = [0.1, 0.2, 0.9, 0.1, 0.2, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1]
        var fired: [Int: ReviewAlert] = [:]
        for (line, p) in probabilities.enumerated() {
            if let alert = monitor.record(productID: "P1", topic: "배송", evidence: evidence(line, p)) {
                fired[line] = alert
            }
        }
        // Lines 0–1: too few. Line 2: 2/3 negative → fires. Line 5: window 2–5 is 2/4 = 0.5, not past, but only
        // 3 reviews since the alert; line 6: 4 since, window 3–6 is 2/4 → re-arms.
        // Line 9: window 6–9 is 2/4, not past; line 10: window 7–10 is 3/4 → fires again.
        #expect(fired.keys.sorted() == [2, 10])
        #expect(fired[2]?.reviews.map(\.line) == [0, 1])
        #expect(fired[10]?.negativeShare == 0.75)
    }

    /// The message carries Slack's `text` and the structured alert.
    @Test func messageIsSlackCompatible() throws {
        let alert = ReviewAlert(
            productID: "P3", topic: "배송", negativeShare: 0.6, windowReviews: 5, threshold: 0.4,
            reviews: [evidence(17, 0.1)])
        let object = try JSONSerialization.jsonObject(with: AlertMessage(alert: alert).encoded()) as? [String: Any]
        let text = try #require(object?["text"] as? String)
        #expect(text.hasPrefix("*P3 · 배송*: 60% negative in the last 5 reviews"))
        #expect(text.contains("(R17)"))
        #expect((object?["liveinsight"] as? [String: Any])?["topic"] as? String == "배송")
    }

    /// `send` returns at once; the first attempt gets HTTP 500, the retry is accepted; the same body both times.
    @Test func retriesUntilAccepted() throws {
        let server = try LocalHTTPServer(statuses: [500, 200])
        defer { server.stop() }
        var options = WebhookSender.Options()
        options.initialDelay = 0.05
        let sender = WebhookSender(url: URL(string: "http://127.0.0.1:\(server.port)/hook")!, options: options)
        let message = AlertMessage(
            alert: ReviewAlert(
                productID: "P1", topic: "품질", negativeShare: 0.5, windowReviews: 4,
                threshold: 0.4, reviews: [evidence(3, 0.2)]))
        let started = Date()
        sender.send(message)
        #expect(Date().timeIntervalSince(started) < 0.5)
        #expect(sender.waitUntilFinished(timeout: 20))
        #expect(sender.outcomes == [.delivered(attempts: 2)])
        #expect(server.bodies.count == 2)
        #expect(server.bodies.allSatisfy { $0 == message.encoded() })
    }

    /// A receiver that keeps failing is given up on after `maxAttempts`, with the last status as the reason.
    @Test func givesUpAfterMaxAttempts() throws {
        let server = try LocalHTTPServer(statuses: [503])
        defer { server.stop() }
        var options = WebhookSender.Options()
        options.initialDelay = 0.01
        options.maxAttempts = 3
        let sender = WebhookSender(url: URL(string: "http://127.0.0.1:\(server.port)/")!, options: options)
        sender.send(
            AlertMessage(
                alert: ReviewAlert(
                    productID: "P1", topic: "맛", negativeShare: 1, windowReviews: 5,
                    threshold: 0.4, reviews: [])))
        #expect(sender.waitUntilFinished(timeout: 20))
        #expect(sender.outcomes == [.failed(attempts: 3, reason: "HTTP 503")])
        #expect(server.bodies.count == 3)
    }
}
