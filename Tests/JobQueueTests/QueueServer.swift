import Foundation
import JobQueue
import PostgresSupport
import PrivatePostgres
import Synchronization
import Testing

/// Why the queue tests cannot run here, or nil: they need a real PostgreSQL server.
let postgresMissing = PrivatePostgres.unavailableReason

/// A submission of a made-up recording `index`: the queue never reads the file, only its path and hash.
func submission(_ index: Int) -> JobSubmission {
    JobSubmission(
        contentHash: String(format: "%064x", index), recording: "submitted/show-\(index).wav",
        companions: ["events": "submitted/show-\(index).events.csv"])
}

/// Opens a queue with `options` on `server` and runs `body` with it.
func withQueue<Result>(
    on server: PrivatePostgres, options: QueueOptions = QueueOptions(),
    _ body: (JobQueue) async throws -> Result
) async throws -> Result {
    try await JobQueue.open(try PostgresAddress(url: server.url), options: options, body)
}

/// A value tasks share, behind a lock.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    /// Changes the value.
    func update(_ change: (inout Value) -> Void) { mutex.withLock { change(&$0) } }

    /// The value now.
    var value: Value { mutex.withLock { $0 } }
}

/// Counts the wake-ups of a stream as they come (a consumer that never stops taking them).
final class WakeUpCounter: Sendable {
    private let count = Shared(0)
    private let consumer: Task<Void, Never>

    init(_ stream: AsyncStream<Void>) {
        consumer = Task { [count] in for await _ in stream { count.update { $0 += 1 } } }
    }

    deinit { consumer.cancel() }

    /// Whether `expected` wake-ups have come within `seconds`.
    func reaches(_ expected: Int, within seconds: Double) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if count.value >= expected { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return count.value >= expected
    }

    /// The wake-ups so far.
    var value: Int { count.value }
}
