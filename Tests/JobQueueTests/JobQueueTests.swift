import Foundation
import JobQueue
import PrivatePostgres
import Testing

/// The queue's promises, each against a fresh PostgreSQL server.
@Suite(
    .serialized,
    .enabled(if: postgresMissing == nil, "needs a PostgreSQL server: see PrivatePostgres.unavailableReason"))
struct JobQueueTests {
    /// Submitting the same recording twice makes one job; the second submission reports the first.
    @Test func submittingIsIdempotentByContentHash() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        try await withQueue(on: server) { queue in
            let first = try await queue.submit(submission(1))
            var again = submission(1)
            again.recording = "elsewhere/copy.wav"
            let second = try await queue.submit(again)
            guard case .queued(let job) = first else { Issue.record("first submission: \(first)"); return }
            #expect(second == .alreadySubmitted(job))
            #expect(job.companions == ["events": "submitted/show-1.events.csv"])
            #expect(try await queue.jobs().map(\.recording) == ["submitted/show-1.wav"])
        }
    }

    /// Many claimers at once (SKIP LOCKED) take every job exactly once between them.
    @Test func concurrentClaimsNeverShareAJob() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        try await withQueue(on: server) { queue in
            for index in 0..<40 { _ = try await queue.submit(submission(index)) }
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [Int64] = []
                        while let claim = try await queue.claim(worker: "worker-\(worker)") {
                            mine.append(claim.job.id)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == 40)
            #expect(Set(claimed) == Set(try await queue.jobs().map(\.id)))
            #expect(try await queue.jobs().allSatisfy { $0.state == .running && $0.attempts == 1 })
        }
    }

    /// A job whose worker stopped heartbeating is claimed again once its lease runs out; the first
    /// worker's claim is then fenced off and cannot complete it.
    @Test func anExpiredLeaseIsTakenAgainAndFencesTheOldClaim() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        var options = QueueOptions()
        options.leaseSeconds = 1
        try await withQueue(on: server, options: options) { queue in
            _ = try await queue.submit(submission(7))
            let lost = try #require(try await queue.claim(worker: "dead"))
            #expect(try await queue.claim(worker: "alive") == nil)
            try await Task.sleep(for: .seconds(1.5))
            let taken = try #require(try await queue.claim(worker: "alive"))
            #expect(taken.job.id == lost.job.id && taken.attempt == 2)
            #expect(try await !queue.complete(lost, broadcast: "from-the-dead"))
            #expect(try await !queue.heartbeat(lost))
            #expect(try await queue.complete(taken, broadcast: "abc"))
            let job = try #require(try await queue.jobs().first)
            #expect(job.state == .done && job.broadcast == "abc" && job.worker == "alive")
        }
    }

    /// Heartbeats keep a lease: nobody else gets the job while they come.
    @Test func heartbeatsKeepTheLease() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        var options = QueueOptions()
        options.leaseSeconds = 1
        try await withQueue(on: server, options: options) { queue in
            _ = try await queue.submit(submission(3))
            let claim = try #require(try await queue.claim(worker: "busy"))
            for _ in 0..<6 {
                try await Task.sleep(for: .seconds(0.3))
                #expect(try await queue.heartbeat(claim))
            }
            #expect(try await queue.claim(worker: "other") == nil)
        }
    }

    /// A job that fails every attempt is retried, then dead-lettered with its last reason, and never claimed again.
    @Test func repeatedFailuresEndInTheDeadLetterState() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        var options = QueueOptions()
        (options.maxAttempts, options.retryDelaySeconds) = (3, 0)
        try await withQueue(on: server, options: options) { queue in
            _ = try await queue.submit(submission(5))
            var states: [JobState?] = []
            for attempt in 1...3 {
                let claim = try #require(try await queue.claim(worker: "w"))
                #expect(claim.attempt == attempt)
                states.append(try await queue.fail(claim, reason: "decode: not audio (attempt \(attempt))"))
            }
            #expect(states == [.queued, .queued, .dead])
            #expect(try await queue.claim(worker: "w") == nil)
            let job = try #require(try await queue.jobs().first)
            #expect(job.state == .dead && job.attempts == 3 && job.lastError == "decode: not audio (attempt 3)")
            #expect(try await queue.counts() == [.dead: 1])
            #expect(try await queue.jobs(in: .dead).map(\.id) == [job.id])
            #expect(try await queue.jobs(in: .queued).isEmpty)
        }
    }

    /// A dead job retried is queued again with fresh attempts; a job that is not dead is left alone.
    @Test func retryingBringsADeadJobBack() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        var options = QueueOptions()
        options.maxAttempts = 1
        try await withQueue(on: server, options: options) { queue in
            _ = try await queue.submit(submission(6))
            _ = try await queue.submit(submission(8))
            let claim = try #require(try await queue.claim(worker: "w"))
            #expect(try await queue.fail(claim, reason: "no model") == .dead)
            #expect(try await queue.retry(claim.job.id))
            #expect(try await !queue.retry(claim.job.id + 1), "job 2 is queued, not dead")
            let jobs = try await queue.jobs(in: .queued)
            #expect(jobs.map(\.id) == [claim.job.id, claim.job.id + 1] && jobs[0].attempts == 0)
            #expect(jobs[0].lastError == "no model", "the reason stays until the next attempt")
        }
    }

    /// A job whose worker died on its last attempt is dead-lettered, the reason naming the worker.
    @Test func aJobAbandonedOnItsLastAttemptIsDeadLettered() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        var options = QueueOptions()
        (options.maxAttempts, options.leaseSeconds) = (1, 0.5)
        try await withQueue(on: server, options: options) { queue in
            _ = try await queue.submit(submission(9))
            _ = try #require(try await queue.claim(worker: "host-a/42"))
            try await Task.sleep(for: .seconds(1))
            #expect(try await queue.claim(worker: "host-b/7") == nil)
            let job = try #require(try await queue.jobs().first)
            #expect(job.state == .dead)
            #expect(job.lastError == "its worker (host-a/42) stopped answering on attempt 1 of 1")
        }
    }

    /// A released job is queued again at once without counting the attempt.
    @Test func releasingGivesTheJobBackUntried() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        try await withQueue(on: server) { queue in
            _ = try await queue.submit(submission(2))
            let claim = try #require(try await queue.claim(worker: "stopping"))
            #expect(try await queue.release(claim))
            let again = try #require(try await queue.claim(worker: "next"))
            #expect(again.job.id == claim.job.id && again.attempt == 1)
        }
    }

    /// An idle worker is woken by each submission through LISTEN/NOTIFY, long before its next poll.
    @Test func submissionsWakeIdleWorkers() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        var options = QueueOptions()
        options.pollSeconds = 600
        try await withQueue(on: server, options: options) { queue in
            let wakeUps = WakeUpCounter(queue.wakeUps())
            #expect(await wakeUps.reaches(1, within: 30), "the listener says once that it is connected")
            for expected in 2...3 {
                _ = try await queue.submit(submission(expected))
                #expect(await wakeUps.reaches(expected, within: 30))
            }
            try await Task.sleep(for: .seconds(0.5))
            #expect(wakeUps.value == 3, "no wake-up without a submission")
        }
    }

    /// Migrating is safe from many processes at once and records the schema's version.
    @Test func concurrentOpensMigrateOnce() async throws {
        let server = try PrivatePostgres()
        defer { server.stop() }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<4 {
                group.addTask {
                    try await withQueue(on: server) { queue in
                        _ = try await queue.submit(submission(index))
                        return try await queue.jobs().count
                    }
                }
            }
            for try await count in group { #expect((1...4).contains(count)) }
        }
        let jobs = try await withQueue(on: server) { queue in try await queue.jobs() }
        #expect(jobs.count == 4)
    }
}
