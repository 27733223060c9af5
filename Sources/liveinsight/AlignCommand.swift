import ArgumentParser
import Foundation
import Insight
import Pipeline
import Transcription

extension LiveInsight {
    /// `liveinsight align`: keyword mentions × sales events, from existing transcripts.
    struct Align: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Align keyword mentions with the sales events that follow them.",
            discussion: """
                Reads a transcript (JSON from `transcribe --format json`), an event log and a keyword list, \
                and reports, per keyword and topic, the purchase-rate uplift in the window after mentions \
                (with a confidence interval), the credited share of sales, funnels and the broadcast summary. \
                Never runs the acoustic model.
                """)

        @Option(help: "Keyword list CSV (keyword,topic,variants).") var keywords: String
        @Option(help: "Transcript JSON.") var transcript: String
        @Option(help: "Event log CSV.") var events: String
        @Option(help: "Broadcast metadata JSON (start time, targets, prices).") var meta: String?
        @Option(help: "Window after a mention, minutes, as START-END.") var window = "3-5"
        @Flag(help: "Print the whole report as JSON.") var json = false
        @Option(name: .shortAndLong, help: "Also write the JSON report to this file.") var out: String?

        func run() throws {
            let parts = window.split(separator: "-").compactMap { Double($0) }
            guard parts.count == 2, parts[0] >= 0, parts[1] > parts[0] else {
                throw CLIError("--window \(window): expected START-END in minutes, e.g. 3-5")
            }
            var options = AlignmentOptions()
            (options.windowStart, options.windowEnd) = (parts[0] * 60, parts[1] * 60)
            let list = try KeywordList.load(path: keywords)
            let decoder = JSONDecoder()
            guard let data = FileManager.default.contents(atPath: transcript) else { throw CLIError("\(transcript): no such file") }
            let parsed: Transcript
            do { parsed = try decoder.decode(Transcript.self, from: data) } catch {
                throw CLIError("\(transcript): not a transcript JSON (\(error))")
            }
            let metadata = try meta.map(BroadcastMetadata.load) ?? BroadcastMetadata()
            let log = try EventLog.load(path: events, broadcastStart: metadata.start, duration: parsed.duration)
            let mentions = MentionFinder(keywords: list).mentions(in: parsed)
            let report = AlignmentAnalysis.analyse(mentions: mentions, events: log, duration: parsed.duration,
                                                   metadata: metadata, options: options)
            if let out { try AtomicFile.write(Data(try JSONOutput.encode(report).utf8), to: out) }
            print(json ? try JSONOutput.encode(report) : InsightTextReport.render(report), terminator: json ? "\n" : "")
        }
    }
}
