import Foundation
import Synchronization

/// What processing a claimed job came to, when it did not throw (a throw is a failed attempt, its
/// description the reason kept with the job).
public enum JobOutcome: Sendable, Equatable {
    /// Done: the broadcast id the recording became.
    case done(broadcast: String)
    /// Stopped before finishing because the worker is shutting down: the job goes back untried.
    case interrupted
}

/// One worker's loop: wait for work, claim a job, process it while heartbeats keep its lease, then mark it
/// done, failed (retried or dead-lettered) or released. One job at a time; run more workers for more.
public final class QueueWorker: Sendable {
    /// The queue it takes jobs from.
    public let queue: JobQueue
    /// Its name in the queue (host and process id by default), kept with the jobs it holds.
    public let name: String
    private let log: @Sendable (String) -> Void
    private let state = Mutex(StopState())

    private struct StopState {
        var requested = false
        var wake: AsyncStream<Void>.Continuation?
    }

    /// - Parameter log: receives one line per job event.
    public init(queue: JobQueue, name: String = QueueWorker.defaultName, log: @escaping @Sendable (String) -> Void) {
        (self.queue, self.name, self.log) = (queue, name, log)
    }

    /// `host/pid`: unique among live workers, and says where to look when a job is stuck.
    public static var defaultName: String {
        "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Stops claiming; `run` returns once the job in flight (if any) has been finished or released. Safe
    /// from any thread; the job's own processing must be told separately (it is the caller's code).
    public func requestStop() {
        let wake = state.withLock { state in
            state.requested = true
            return state.wake
        }
        wake?.yield()
    }

    private var stopRequested: Bool { state.withLock { $0.requested } }

    /// Processes jobs until `requestStop()`, or with `untilIdle` until no job is queued or running anywhere.
    /// `process` runs one job; `onHeartbeat` runs with each heartbeat (to keep other records of the job alive).
    /// Database errors are logged and retried: a worker outlives a database restart.
    public func run(
        untilIdle: Bool = false, onHeartbeat: @escaping @Sendable () -> Void = {},
        process: @escaping @Sendable (ClaimedJob) async throws -> JobOutcome
    ) async {
        let (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        state.withLock { $0.wake = wake }
        let forwarding = Task { for await _ in queue.wakeUps() { wake.yield() } }
        defer { forwarding.cancel() }
        var wakes = wakeUps.makeAsyncIterator()
        while !stopRequested {
            do {
                while !stopRequested, let claim = try await queue.claim(worker: name) {
                    await handle(claim, onHeartbeat: onHeartbeat, process: process)
                }
                if untilIdle, try await queue.counts().keys.allSatisfy({ [.done, .dead].contains($0) }) { break }
            } catch {
                log("queue: \(error); retrying")
            }
            if stopRequested { break }
            _ = await wakes.next()
        }
    }

    /// Processes one claimed job with heartbeats, then records how it ended.
    private func handle(
        _ claim: ClaimedJob, onHeartbeat: @escaping @Sendable () -> Void,
        process: @escaping @Sendable (ClaimedJob) async throws -> JobOutcome
    ) async {
        let job = claim.job
        log("job \(job.id) \(job.recording): claimed (attempt \(claim.attempt))")
        let result = await withTaskGroup(of: Result<JobOutcome, any Error>?.self) { group in
            group.addTask { await self.keepLease(claim, onHeartbeat: onHeartbeat) }
            group.addTask {
                do { return .success(try await process(claim)) } catch { return .failure(error) }
            }
            defer { group.cancelAll() }
            while let finished = await group.next() {
                if let finished { return finished }
            }
            return .failure(CancellationError())
        }
        await persist("recording the end of job \(job.id)") {
            switch result {
            case .success(.done(let broadcast)):
                let held = try await self.queue.complete(claim, broadcast: broadcast)
                self.log("job \(job.id): done as broadcast \(broadcast)" + (held ? "" : " (its lease had run out)"))
            case .success(.interrupted):
                _ = try await self.queue.release(claim)
                self.log("job \(job.id): released for another worker")
            case .failure(let error):
                let state = try await self.queue.fail(claim, reason: "\(error)")
                let next = state.map { $0 == .dead ? "dead-lettered" : "queued again" } ?? "its lease had run out"
                self.log("job \(job.id): failed (\(error)); \(next)")
            }
        }
    }

    /// Heartbeats until cancelled; returns nil (it never decides the job's outcome).
    private func keepLease(
        _ claim: ClaimedJob,
        onHeartbeat: @Sendable () -> Void
    ) async -> Result<JobOutcome, any Error>? {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(queue.options.heartbeatSeconds))
            if Task.isCancelled { break }
            onHeartbeat()
            do {
                if try await !queue.heartbeat(claim) {
                    log(
                        "job \(claim.job.id): lease lost (another worker may take it; "
                            + "the broadcast lock keeps them apart)")
                }
            } catch {
                log("job \(claim.job.id): heartbeat failed: \(error)")
            }
        }
        return nil
    }

    /// Runs `body` until it succeeds, retrying every second for a lease's length (the database may be
    /// restarting); after that the lease has run out anyway and the job is another worker's.
    private func persist(_ operation: String, _ body: () async throws -> Void) async {
        let deadline = ContinuousClock.now + .seconds(queue.options.leaseSeconds)
        while true {
            do {
                return try await body()
            } catch {
                guard ContinuousClock.now < deadline else { return log("\(operation): \(error); giving up") }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
