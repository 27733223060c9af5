import ArgumentParser
import Catalog
import Checkpoints
import Dispatch
import Foundation
import JobQueue
import Pipeline

extension LiveInsight {
    /// `liveinsight worker --queue URL --workspace DIR`: processes the shared job queue.
    struct Worker: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Process jobs from a shared job queue (PostgreSQL) into a shared workspace.",
            discussion: """
                Runs the same pipeline as `run` on each job `submit` queued, one at a time; start one worker per \
                core group or machine, all with the same --queue and the same workspace (a shared folder). \
                Idle workers are woken by PostgreSQL notifications. A claimed job is leased and the lease \
                renewed while it runs: if the worker dies, another takes the job once the lease runs out. A \
                job that fails --max-attempts times (set at submit) is dead-lettered with its reason. The \
                broadcast folder's lock keeps two workers from writing one broadcast. SIGINT/SIGTERM: the \
                stage in flight finishes, the job goes back to the queue untried, exit 0 (a second signal \
                exits at once; the lease brings the job back).
                """)

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var queue: QueueOption

        @Option(
            help: """
                Seconds a claimed job stays this worker's without a heartbeat \
                (heartbeats every third of it, at most 20 s).
                """)
        var lease = QueueOptions().leaseSeconds

        @Option(help: "Seconds a failed job waits before it is tried again.")
        var retryDelay = QueueOptions().retryDelaySeconds

        @Option(help: "Seconds between looks at the queue when no notification comes.")
        var poll = QueueOptions().pollSeconds

        @Flag(help: "Exit once no job is queued or running anywhere (for batches and tests).")
        var untilIdle = false

        @OptionGroup var pipeline: PipelineOptions

        func validate() throws {
            guard lease > 0, retryDelay >= 0, poll > 0 else {
                throw ValidationError("--lease and --poll must be positive, --retry-delay not negative")
            }
        }

        func run() async throws {
            var options = QueueOptions()
            (options.leaseSeconds, options.retryDelaySeconds, options.pollSeconds) = (lease, retryDelay, poll)
            let runner = try pipeline.runner(
                workspace: workspace.resolved, catalog: try workspace.catalogLocation(), progress: nil, log: nil)
            _ = try runner.models.acoustic.model()  // a missing or broken model stops here, not as one failure per job
            let owner = JobOwner.current
            try runner.catalog.reclaimStaleJobs(host: owner.host, staleAfter: WatchOptions().staleAfter)
            let address = try queue.address(catalog: workspace.catalog)
            try await JobQueue.open(address, options: options) { queue in
                let worker = QueueWorker(queue: queue, log: printToStandardError)
                let stop = StopSignal()
                let signals = ShutdownSignals {
                    printToStandardError(
                        "stopping: finishing the stage in flight, then releasing the job "
                            + "(again to quit now)")
                    stop.request()
                    worker.requestStop()
                }
                defer { withExtendedLifetime(signals) {} }
                printToStandardError("worker \(worker.name): queue \(address), workspace \(runner.workspace.root)")
                let keepCatalogJobAlive: @Sendable () -> Void = { try? runner.catalog.heartbeat(owner: owner) }
                await worker.run(untilIdle: untilIdle, onHeartbeat: keepCatalogJobAlive) { claim in
                    try await Self.process(claim.job, with: runner, stop: stop)
                }
            }
        }

        /// Runs the pipeline on `job` on a thread of its own (it blocks for minutes), recording it in the
        /// workspace's catalog as `run` does.
        private static func process(
            _ job: QueuedJob, with runner: PipelineRunner,
            stop: StopSignal
        ) async throws -> JobOutcome {
            var inputs: [UserInputKind: String] = [:]
            for (kind, path) in job.companions {
                guard let known = UserInputKind(rawValue: kind) else { continue }
                inputs[known] = runner.workspace.absolutePath(of: path)
            }
            let request = RunRequest(recording: runner.workspace.absolutePath(of: job.recording), inputs: inputs)
            return try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(
                        with: Result { () throws(PipelineError) -> JobOutcome in
                            try run(request, with: runner, stop: stop)
                        })
                }
            }
        }

        /// One job through the pipeline: done, interrupted (a stop between stages) or failed (thrown).
        private static func run(
            _ request: RunRequest, with runner: PipelineRunner,
            stop: StopSignal
        ) throws(PipelineError) -> JobOutcome {
            let catalogJob = try runner.catalog.startDirectJob(file: request.recording, owner: .current)
            do {
                let summary = try runner.run(request, job: catalogJob, stop: stop)
                try runner.catalog.finishJob(
                    catalogJob, broadcast: summary.broadcast,
                    outcome: summary.reusedEverything ? "duplicate" : "processed")
                return .done(broadcast: summary.broadcast)
            } catch .cancelled {
                try? runner.catalog.cancelJob(catalogJob, reason: "the worker stopped; the job went back to the queue")
                return .interrupted
            } catch {
                try? runner.catalog.failJob(catalogJob, error: error.description)
                throw error
            }
        }
    }
}
