import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import Insight
import Pipeline
import Report
import TextDecoding
import Transcription

extension LiveInsight {
    /// `liveinsight align`: keyword mentions × sales events, from a broadcast's checkpoints or from files.
    struct Align: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Align keyword mentions with the sales events that follow them.",
            discussion: """
                With a broadcast (an id in --workspace, or its folder): re-spots --keywords in the broadcast's \
                checkpointed transcript and posteriors and re-aligns them with its events and metadata, \
                writing mentions.json and alignment.json for the dashboard; the new list becomes the \
                broadcast's keyword list. Without: reads --transcript (JSON from `transcribe --format json`), \
                --events and --keywords. Reports, per keyword and topic, the purchase-rate uplift in the \
                window after mentions (with a confidence interval), the credited share of sales, funnels and \
                the broadcast summary. Never runs the acoustic model.
                """)

        @Argument(help: "A broadcast id in --workspace, or its folder (<workspace>/broadcasts/<id>).")
        var broadcast: String?

        @Option(help: "Keyword list CSV (keyword,topic,variants).") var keywords: String
        @Option(help: "Transcript JSON (without a broadcast).") var transcript: String?
        @Option(help: "Event log CSV (without a broadcast).") var events: String?
        @Option(help: "Broadcast metadata JSON: start time, targets, prices (without a broadcast).") var meta: String?
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var model: ModelOptions
        @OptionGroup var spotting: SpottingOption
        @Option(help: "Window after a mention, minutes, as START-END.") var window = "3-5"
        @Flag(help: "Print the whole report as JSON.") var json = false
        @Option(name: .shortAndLong, help: "Also write the JSON report to this file.") var out: String?

        func validate() throws {
            _ = try alignmentOptions()
            if broadcast == nil {
                guard transcript != nil, events != nil else {
                    throw ValidationError("give a broadcast (an id or its folder), or --transcript and --events")
                }
            } else if transcript != nil || events != nil || meta != nil {
                throw ValidationError(
                    "--transcript, --events and --meta go without a broadcast; a broadcast's own are "
                        + "reused from its checkpoints"
                )
            }
        }

        func run() throws {
            let report = try broadcast.map(realign) ?? alignFiles()
            if let out { try AtomicFile.write(Data(try JSONOutput.encode(report).utf8), to: out) }
            print(json ? try JSONOutput.encode(report) : InsightTextReport.render(report), terminator: json ? "\n" : "")
        }

        /// `--window` as alignment options.
        private func alignmentOptions() throws -> Insight.AlignmentOptions {
            let parts = window.split(separator: "-").compactMap { Double($0) }
            guard parts.count == 2, parts[0] >= 0, parts[1] > parts[0] else {
                throw ValidationError("--window \(window): expected START-END in minutes, e.g. 3-5")
            }
            var options = Insight.AlignmentOptions()
            (options.windowStart, options.windowEnd) = (parts[0] * 60, parts[1] * 60)
            return options
        }

        /// Reruns the mentions and alignment stages of the broadcast `argument` names, from its checkpoints.
        private func realign(_ argument: String) throws -> InsightReport {
            _ = try KeywordList.load(path: keywords)  // a bad list fails here, before it replaces the broadcast's copy
            let reference = BroadcastReference(argument, workspace: workspace.resolved)
            var settings = PipelineSettings()
            settings.alignment = try alignmentOptions()
            settings.spottingThreshold = spotting.spottingThreshold
            let runner = try model.runner(
                workspace: reference.workspace, catalog: try workspace.catalogLocation(of: reference.workspace),
                settings: settings, progress: nil, log: nil)
            let summary = try runner.rerun(broadcast: reference.id, from: ["mentions"], inputs: [.keywords: keywords])
            if let waiting = summary.stages.first(where: { $0.status == .waiting }) {
                throw CLIError(
                    "broadcast \(reference.id): the \(waiting.stage) stage cannot run "
                        + "(\(waiting.note ?? "an input is missing")); "
                        + "finish the broadcast with `liveinsight run` on its recording (with "
                        + "--events for the event log) first"
                )
            }
            printToStandardError("\(reference.id): mentions.json and alignment.json updated in \(summary.folder)")
            return try BroadcastFolder(workspace: reference.workspace.root, id: reference.id).requiredReport()
        }

        /// Aligns the given transcript and event log files.
        private func alignFiles() throws -> InsightReport {
            guard let transcript, let events else {
                throw ValidationError("--transcript and --events are required without a broadcast")
            }
            let list = try KeywordList.load(path: keywords)
            let data: Data
            do { data = Data(try TextDecoder.read(path: transcript).text.utf8) } catch {
                throw CLIError(error.message(path: transcript))
            }
            let parsed: Transcript
            do { parsed = try JSONDecoder().decode(Transcript.self, from: data) } catch {
                throw CLIError("\(transcript): not a transcript JSON (\(error))")
            }
            let metadata = try meta.map(BroadcastMetadata.load) ?? BroadcastMetadata()
            let log = try EventLog.load(path: events, broadcastStart: metadata.start, duration: parsed.duration)
            let mentions = MentionFinder(keywords: list).mentions(in: parsed)
            return AlignmentAnalysis.analyse(
                mentions: mentions, events: log, duration: parsed.duration, metadata: metadata,
                options: try alignmentOptions())
        }
    }
}
