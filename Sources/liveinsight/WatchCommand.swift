import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import Pipeline
import Reviews

extension LiveInsight {
    /// `liveinsight watch --workspace DIR`: the watched-folder daemon.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Watch <workspace>/inbox and run the pipeline on every recording dropped there.",
            discussion: """
                A recording is taken once its size has stopped changing (--settle), with the files that \
                share its name: <name>.events.csv, .reviews.csv, .keywords.csv, .ref.txt, .meta.json. Done: moved to \
                processed/. Failed: moved to rejected/ with <file>.reason.txt. Identical to a processed \
                recording: recorded as a duplicate, moved to processed/, nothing redone. Several watchers \
                may share a workspace: jobs are claimed in the catalog, so no file is processed twice. \
                SIGINT/SIGTERM: stop claiming, let the stages in flight finish, exit 0 (a second signal \
                exits at once); unfinished jobs resume at the next start.
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

        @Flag(help: "Exit once the inbox is empty and no job is queued or running (for cron and tests).")
        var untilIdle = false

        @Option(
            help: """
                Post the negative-review alerts of recordings' reviews to this webhook (Slack-compatible JSON), \
                as `reviews --alert-url` does.
                """)
        var alertURL: String?

        @OptionGroup var pipeline: PipelineOptions

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard settle >= 0 else { throw ValidationError("--settle must not be negative") }
            if let alertURL, !["http", "https"].contains(URL(string: alertURL)?.scheme?.lowercased() ?? "") {
                throw ValidationError("--alert-url must be an http(s) URL")
            }
        }

        func run() throws {
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

        /// `line` with the time in front, for logs.
        private static func stamp(_ line: String) -> String {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            return formatter.string(from: Date()) + "  " + line
        }
    }
}
