import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import Pipeline

extension LiveInsight {
    /// `liveinsight run <recording>`: the staged pipeline on one recording.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the pipeline on a recording, reusing every stage whose outputs are up to date.",
            discussion: """
                Stages: decode (probe the recording) → acoustic (model posteriors, checkpointed in \
                posteriors.bin) → transcript (beam search, keyword hotwords). Outputs go to \
                <workspace>/broadcasts/<id>/, id = the first 16 hex digits of the recording's SHA-256. A \
                stage is skipped when its cache key (inputs, parameters, code and model versions) is \
                unchanged and its outputs verify; so a new keyword list reruns the transcript and what \
                follows it, never the acoustic model. \
                Given user files are copied into the broadcast folder and remembered for later runs. \
                Ctrl-C stops after the stage in flight (twice: at once); rerun to resume.
                """)

        @Argument(help: "A recording in any format libsndfile reads.")
        var recording: String

        @Option(help: "The broadcast's sales/viewer event log (CSV).")
        var events: String?

        @Option(help: "Keyword list (CSV, keyword first); its keywords are also decoding hotwords.")
        var keywords: String?

        @Option(help: "Product reviews (CSV).")
        var reviews: String?

        @Option(help: "Reference transcript (text), kept for QA.")
        var reference: String?

        @Option(help: "Broadcast metadata (JSON: start time, targets, products and prices).")
        var meta: String?

        @Option(
            help: ArgumentHelp(
                "A transcript from elsewhere (captions: SRT, WebVTT, JSON or text), used in place of free recognition.",
                discussion: "Each cue's words are aligned to the audio inside the cue's times; text without times is "
                    + "followed like a script. See Docs/transcripts.md.", valueName: "file"))
        var transcript: String?

        @Option(
            help: ArgumentHelp(
                "The host's cue sheet (text): the passages that were said replace the recognised words there.",
                valueName: "file"))
        var script: String?

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var pipeline: PipelineOptions

        @Flag(help: "Print the run's summary as JSON.")
        var json = false

        func validate() throws {
            if transcript != nil, script != nil {
                throw ValidationError(
                    "--transcript and --script exclude each other: give the captions or the cue sheet")
            }
        }

        func run() throws {
            let runner = try pipeline.runner(
                workspace: workspace.resolved, catalog: try workspace.catalogLocation(),
                progress: { label, total, unit in ProgressReporter(label: label, total: total, unit: unit) },
                log: printToStandardError)
            var inputs: [UserInputKind: String] = [:]
            for (kind, path) in [
                (UserInputKind.events, events), (.keywords, keywords), (.reviews, reviews), (.reference, reference),
                (.metadata, meta), (.transcript, transcript), (.script, script),
            ] {
                guard let path else { continue }
                guard FileManager.default.fileExists(atPath: path) else {
                    throw ValidationError("\(path): no such \(kind.rawValue) file")
                }
                inputs[kind] = path
            }
            let request = RunRequest(recording: recording, inputs: inputs)
            let owner = JobOwner.current
            try runner.catalog.reclaimStaleJobs(host: owner.host, staleAfter: WatchOptions().staleAfter)
            let job = try runner.catalog.startDirectJob(file: request.recording, owner: owner)
            let heartbeat = JobHeartbeat(
                catalog: runner.catalog, owner: owner, interval: WatchOptions().heartbeatInterval)
            defer { withExtendedLifetime(heartbeat) {} }
            let stop = StopSignal()
            let signals = ShutdownSignals {
                printToStandardError("stopping after the stage in flight (again to quit now)")
                stop.request()
            }
            defer { withExtendedLifetime(signals) {} }
            let summary: RunSummary
            do throws(PipelineError) {
                summary = try runner.run(request, job: job, stop: stop)
            } catch {
                try? runner.catalog.failJob(job, error: error.description)
                throw error
            }
            try runner.catalog.finishJob(
                job, broadcast: summary.broadcast, outcome: summary.reusedEverything ? "duplicate" : "processed")
            print(json ? try JSONOutput.encode(summary) : Self.describe(summary))
        }

        /// The summary as a table of stages and the outputs' location.
        static func describe(_ summary: RunSummary) -> String {
            var lines = ["broadcast \(summary.broadcast) (\(summary.name))"]
            for stage in summary.stages {
                let seconds = stage.seconds.map { String(format: "%.2f s", $0) } ?? ""
                let detail =
                    stage.note ?? stage.outputs.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
                lines.append(
                    "  "
                        + [
                            stage.stage.padding(toLength: 12, withPad: " ", startingAt: 0),
                            stage.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
                            seconds.padding(toLength: 9, withPad: " ", startingAt: 0), detail,
                        ].joined(separator: " "))
            }
            lines.append("outputs are in \(summary.folder)/")
            return lines.joined(separator: "\n")
        }
    }
}
