import Foundation
import JobQueue
import PrivatePostgres
import Testing

/// The worker loop against a real server: the processing is the test's own closure, the queue is real.
@Suite(
    .serialized,
    .enabled(if: postgresMissing == nil, "needs a PostgreSQL server: see PrivatePostgres.unavailableReason"))
struct QueueWorkerTests {
    private struct NotAudio: Error, CustomStringConvertible {
        var description: String { "decode: not an audio file" }
    }

    /// Three workers over one batch process every job exactly once, then stop when the queue is idle.
    @Test func threeWorkersProcessEachJobOnce() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        let processed = Shared<[Int64]>([])
        try await withQueue(on: server) { queue in
            for index in 0..<30 { _ = try await queue.submit(submission(index)) }
            await withDiscardingTaskGroup { group in
                for index in 0..<3 {
                    group.addTask {
                        let worker = QueueWorker(queue: queue, name: "worker-\(index)", log: { _ in })
                        await worker.run(untilIdle: true) { claim in
                            processed.update { $0.append(claim.job.id) }
                            try await Task.sleep(for: .milliseconds(20))
                            return .done(broadcast: "b\(claim.job.id)")
                        }
                    }
                }
            }
            let jobs = try await queue.jobs()
            let ids = processed.value
            #expect(ids.count == 30 && Set(ids) == Set(jobs.map(\.id)))
            #expect(jobs.allSatisfy { $0.state == .done && $0.broadcast == "b\($0.id)" && $0.attempts == 1 })
        }
    }

    /// A job whose processing always throws ends dead-lettered with the error as its reason.
    @Test func aJobThatAlwaysFailsIsDeadLettered() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        var options = QueueOptions()
        (options.maxAttempts, options.retryDelaySeconds, options.pollSeconds) = (2, 0, 0.2)
        try await withQueue(on: server, options: options) { queue in
            _ = try await queue.submit(submission(1))
            await QueueWorker(queue: queue, log: { _ in }).run(untilIdle: true) { _ in throw NotAudio() }
            let job = try #require(try await queue.jobs().first)
            #expect(job.state == .dead && job.attempts == 2 && job.lastError == "decode: not an audio file")
        }
    }

    /// A worker outlives a database restart: it reconnects, and jobs submitted afterwards are processed.
    @Test func aWorkerReconnectsAfterTheDatabaseRestarts() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        var options = QueueOptions()
        options.pollSeconds = 0.5
        try await withQueue(on: server, options: options) { queue in
            let worker = QueueWorker(queue: queue, log: { _ in })
            let running = Task { await worker.run { claim in .done(broadcast: "b\(claim.job.id)") } }
            for index in 0..<3 { _ = try await queue.submit(submission(index)) }
            #expect(try await doneCount(queue, reaches: 3, within: 60))
            try server.pause()
            try await Task.sleep(for: .seconds(1))
            try server.start()
            for index in 3..<6 { _ = try await queue.submit(submission(index)) }
            #expect(try await doneCount(queue, reaches: 6, within: 60))
            worker.requestStop()
            await running.value
        }
    }

    /// Whether `expected` jobs are done within `seconds`.
    private func doneCount(_ queue: JobQueue, reaches expected: Int, within seconds: Double) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await queue.jobs().filter({ $0.state == .done }).count >= expected { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
