import Accounts
import Foundation
import Testing

/// Sign-in limits per account name and per client address.
@Suite struct SignInLimiterTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// The fifth failure in the window blocks the name until the oldest failure leaves the window.
    @Test func blocksAfterTooManyFailures() throws {
        let limiter = SignInLimiter(maxFailures: 5, window: 900)
        for second in 0..<4 {
            limiter.recordFailure(
                account: "kim", client: "10.0.0.\(second)", now: start.addingTimeInterval(Double(second)))
        }
        #expect(limiter.retryAfter(account: "kim", client: "10.0.0.9", now: start.addingTimeInterval(10)) == nil)
        limiter.recordFailure(account: "kim", client: "10.0.0.4", now: start.addingTimeInterval(10))
        let wait = try #require(
            limiter.retryAfter(account: "kim", client: "10.0.0.9", now: start.addingTimeInterval(20)))
        #expect(abs(wait - 880) < 0.001)  // the first failure, at 0 s, leaves the window at 900 s
        #expect(limiter.retryAfter(account: "KIM", client: "10.0.0.9", now: start.addingTimeInterval(20)) != nil)
        #expect(limiter.retryAfter(account: "kim", client: "10.0.0.9", now: start.addingTimeInterval(901)) == nil)
    }

    /// One address guessing many names is blocked for every name.
    @Test func blocksAGuessingClient() {
        let limiter = SignInLimiter(maxFailures: 3, window: 60)
        for name in ["a", "b", "c"] { limiter.recordFailure(account: name, client: "10.0.0.1", now: start) }
        #expect(limiter.retryAfter(account: "d", client: "10.0.0.1", now: start) != nil)
        #expect(limiter.retryAfter(account: "d", client: "10.0.0.2", now: start) == nil)
    }

    /// A success forgets the name's failures.
    @Test func successClearsTheAccount() {
        let limiter = SignInLimiter(maxFailures: 2, window: 60)
        limiter.recordFailure(account: "kim", client: "a", now: start)
        limiter.recordSuccess(account: "kim")
        limiter.recordFailure(account: "kim", client: "b", now: start)
        #expect(limiter.retryAfter(account: "kim", client: "c", now: start) == nil)
    }
}
