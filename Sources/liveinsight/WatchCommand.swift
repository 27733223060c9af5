import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import JobQueue
import Pipeline
import PostgresSupport
import Reviews

extension LiveInsight {
    /// `liveinsight watch --workspace DIR [--queue URL]`: the watched-folder daemon, which runs the pipeline
    /// itself or, with `--queue`, feeds the shared job queue.
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: """
                Watch <workspace>/inbox and run the pipeline on every recording dropped there, or queue it for \
                the workers (--queue).
                """,
            discussion: """
                A recording is taken once its size has stopped changing (--settle), with the files that \
                share its name: <name>.events.csv, .reviews.csv, .keywords.csv, .ref.txt, .meta.json. Done: moved to \
                processed/. Failed: moved to rejected/ with <file>.reason.txt. Identical to a processed \
                recording: recorded as a duplicate, moved to processed/, nothing redone. Several watchers \
                may share a workspace: jobs are claimed in the catalog, so no file is processed twice. \
                SIGINT/SIGTERM: stop claiming, let the stages in flight finish, exit 0 (a second signal \
                exits at once); unfinished jobs resume at the next start.

                With --queue, watch runs no pipeline: it feeds a shared job queue (PostgreSQL) for \
                `liveinsight worker`. Each recording that stopped changing moves with its companions to \
                <workspace>/submitted/<id>/ and is queued as `submit` queues it; watchers on several machines \
                may share one inbox, and each recording is queued once. $LIVEINSIGHT_QUEUE alone does not \
                switch watch to this: workers set it too, and a plain `watch` keeps running the pipeline.
                """)

        @OptionGroup var workspace: WorkspaceOption

        @Argument(help: ArgumentHelp("Deprecated: the workspace folder; use --workspace.", visibility: .hidden))
        var folder: String?

        @Option(help: "Recordings processed in parallel; by default half the cores, at least 1.")
        var jobs = WatchOptions().jobs

        @Flag(help: "Poll the folder instead of using inotify (e.g. on network shares).")
        var poll = false

        @Option(help: "Seconds a file's size must stay unchanged before it is taken.")
        var settle = WatchOptions().settle

        @Flag(
            help: """
                Exit once the inbox is empty and no job is queued or running (for cron and tests); with --queue, \
                once the inbox is empty.
                """)
        var untilIdle = false

        @Option(
            help: """
                Post the negative-review alerts of recordings' reviews to this webhook (Slack-compatible JSON), \
                as `reviews --alert-url` does.
                """)
        var alertURL: String?

        @Option(
            help: """
                Feed this shared job queue, postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE, instead of running \
                the pipeline (the workers run it; --jobs and the pipeline options do not apply).
                """)
        var queue: String?

        @OptionGroup var pipeline: PipelineOptions

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard settle >= 0 else { throw ValidationError("--settle must not be negative") }
            if let alertURL, !["http", "https"].contains(URL(string: alertURL)?.scheme?.lowercased() ?? "") {
                throw ValidationError("--alert-url must be an http(s) URL")
            }
            if queue != nil, alertURL != nil {
                throw ValidationError("--alert-url needs the pipeline: with --queue, the workers run it")
            }
        }

        func run() async throws {
            if let queue { return try await feed(try PostgresAddress(url: queue)) }
            try processInbox()
        }

        /// Runs the pipeline on each recording dropped into the inbox, here.
        private func processInbox() throws {
            let alertSender = alertURL.flatMap(URL.init(string:)).map { WebhookSender(url: $0) }
            var options = WatchOptions()
            (options.jobs, options.polling, options.settle, options.exitWhenIdle) = (jobs, poll, settle, untilIdle)
            let root = try workspace.resolved(deprecatedArgument: folder, command: "watch")
            let runner = try pipeline.runner(
                workspace: root, catalog: try workspace.catalogLocation(of: root), parallelJobs: jobs,
                progress: { [jobs] label, total, unit in
                    ProgressReporter(
                        label: label, total: total, unit: unit, bar: jobs == 1 && isatty(STDERR_FILENO) != 0)
                },
                log: nil, alertSender: alertSender)
            // A missing or broken model stops here, not as one rejection per file.
            _ = try runner.models.acoustic.model()
            let daemon = try WatchDaemon(runner: runner, options: options) { printToStandardError(Self.stamp($0)) }
            let signals = ShutdownSignals {
                printToStandardError(
                    Self.stamp("stopping: no new jobs; finishing the stages in flight (again to quit now)"))
                daemon.requestStop()
            }
            defer { withExtendedLifetime(signals) {} }
            printToStandardError(
                Self.stamp(
                    "watching \(runner.workspace.inbox) (\(daemon.usesInotify ? "inotify" : "polling"), "
                        + "\(jobs) job\(jobs == 1 ? "" : "s"))"))
            daemon.run()
            if let alertSender, !alertSender.waitUntilFinished(timeout: 30) {
                printToStandardError(Self.stamp("warning: some review alerts were still being retried at exit"))
            }
            printToStandardError(Self.stamp("stopped"))
        }

        /// `--queue`: moves each recording dropped into the inbox to submitted/ and queues it for the workers.
        private func feed(_ address: PostgresAddress) async throws {
            var options = WatchOptions()
            (options.polling, options.settle, options.exitWhenIdle) = (poll, settle, untilIdle)
            let workspace = try workspace.resolved(deprecatedArgument: folder, command: "watch")
            try await JobQueue.open(address) { queue in
                let feeder = try InboxFeeder(workspace: workspace, options: options) {
                    printToStandardError(Self.stamp($0))
                }
                let submitter = RecordingSubmitter(workspace: workspace, queue: queue)
                let signals = ShutdownSignals {
                    printToStandardError(Self.stamp("stopping: no new recordings (again to quit now)"))
                    feeder.requestStop()
                }
                defer { withExtendedLifetime(signals) {} }
                printToStandardError(
                    Self.stamp(
                        "feeding queue \(address) from \(workspace.inbox) "
                            + "(\(feeder.usesInotify ? "inotify" : "polling"))"))
                await feeder.run { recording in
                    let outcome = try await submitter.submit(
                        recording.path, contentHash: recording.contentHash, companions: recording.companions)
                    let name = (recording.path as NSString).lastPathComponent
                    printToStandardError(Self.stamp("\(name): " + RecordingSubmitter.describe(outcome)))
                }
            }
            printToStandardError(Self.stamp("stopped"))
        }

        /// `line` with the time in front, for logs.
        private static func stamp(_ line: String) -> String {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            return formatter.string(from: Date()) + "  " + line
        }
    }
}
