import Foundation
import Synchronization

/// Slows password guessing: after `maxFailures` failed sign-ins for one account name, or from one client
/// address, within `window`, further attempts for that name or from that address are refused until the
/// oldest failure leaves the window. A success clears the name's failures (not the address's).
///
/// Defaults: 5 failures per 15 minutes, OWASP's usual figure; with bcrypt's cost this bounds an online
/// guesser to 20 guesses an hour per account, whatever the number of addresses it uses.
public final class SignInLimiter: Sendable {
    /// Failures allowed in the window (default 5).
    public let maxFailures: Int
    /// The window, in seconds (default 900).
    public let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    /// A limiter with the given limits.
    public init(maxFailures: Int = 5, window: TimeInterval = 900) {
        (self.maxFailures, self.window) = (max(1, maxFailures), window)
    }

    /// Seconds until `account` may try again from `client`; nil when it may try now.
    public func retryAfter(account: String, client: String, now: Date = Date()) -> TimeInterval? {
        failures.withLock { all in
            [Self.key(account: account), Self.key(client: client)].compactMap { key -> TimeInterval? in
                let recent = (all[key] ?? []).filter { now.timeIntervalSince($0) < window }
                all[key] = recent.isEmpty ? nil : recent
                guard recent.count >= maxFailures, let oldest = recent.first else { return nil }
                return window - now.timeIntervalSince(oldest)
            }.max()
        }
    }

    /// Records a failed attempt.
    public func recordFailure(account: String, client: String, now: Date = Date()) {
        failures.withLock { all in
            for key in [Self.key(account: account), Self.key(client: client)] { all[key, default: []].append(now) }
        }
    }

    /// Records a success: the account's failures are forgotten.
    public func recordSuccess(account: String) {
        _ = failures.withLock { $0.removeValue(forKey: Self.key(account: account)) }
    }

    private static func key(account: String) -> String { "account:" + account.lowercased() }
    private static func key(client: String) -> String { "client:" + client }
}
