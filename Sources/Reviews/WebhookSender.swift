import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts alert messages to a webhook URL (Slack incoming webhooks or any JSON receiver) in the background.
///
/// `send` returns at once: each message is posted on URLSession's own threads, and a failure (no answer,
/// a network error or a non-2xx status) is retried after `initialDelay`, then twice that, and so on, up to
/// `maxAttempts` in all. The pipeline never waits for it; a caller that is about to exit may call
/// `waitUntilFinished(timeout:)` to give deliveries in flight a bounded chance to finish.
public final class WebhookSender: Sendable {
    /// Delivery settings; defaults suit Slack's webhook limits.
    public struct Options: Sendable {
        /// Attempts per message, the first included (default 4).
        public var maxAttempts = 4
        /// Delay before the first retry, in seconds (default 0.5; doubled each retry, capped at `maxDelay`).
        public var initialDelay = 0.5
        /// Longest delay between attempts (default 8 s).
        public var maxDelay = 8.0
        /// Time allowed for one attempt (default 5 s).
        public var requestTimeout = 5.0
        /// Defaults.
        public init() {}
    }

    /// What happened to one message.
    public enum Outcome: Sendable, Equatable {
        /// Accepted (2xx) after this many attempts.
        case delivered(attempts: Int)
        /// Given up after `attempts`; `reason` is the last failure.
        case failed(attempts: Int, reason: String)
    }

    /// The receiver.
    public let url: URL
    /// Delivery settings.
    public let options: Options
    private let session: URLSession
    private let group = DispatchGroup()
    private let retryQueue = DispatchQueue(label: "liveinsight.webhook.retry")
    private let finished = Mutex<[Outcome]>([])

    /// A sender posting to `url`.
    public init(url: URL, options: Options = Options()) {
        (self.url, self.options) = (url, options)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.requestTimeout
        session = URLSession(configuration: configuration)
    }

    /// Queues `message` for delivery and returns immediately.
    public func send(_ message: AlertMessage) {
        group.enter()
        attempt(body: message.encoded(), number: 1)
    }

    /// Outcomes of the messages finished so far, in the order they finished.
    public var outcomes: [Outcome] { finished.withLock { $0 } }

    /// Waits at most `timeout` seconds for every message sent so far; false if some are still in flight.
    @discardableResult
    public func waitUntilFinished(timeout: Double) -> Bool {
        group.wait(timeout: .now() + timeout) == .success
    }

    private func attempt(body: Data, number: Int) {
        var request = URLRequest(url: url, timeoutInterval: options.requestTimeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        session.dataTask(with: request) { [self] _, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode
            if error == nil, let status, (200..<300).contains(status) {
                finish(.delivered(attempts: number))
                return
            }
            let reason = error.map { "\($0.localizedDescription)" } ?? "HTTP \(status ?? 0)"
            guard number < options.maxAttempts else {
                finish(.failed(attempts: number, reason: reason))
                return
            }
            let delay = min(options.maxDelay, options.initialDelay * pow(2, Double(number - 1)))
            retryQueue.asyncAfter(deadline: .now() + delay) { [self] in attempt(body: body, number: number + 1) }
        }.resume()
    }

    private func finish(_ outcome: Outcome) {
        finished.withLock { $0.append(outcome) }
        group.leave()
    }
}
