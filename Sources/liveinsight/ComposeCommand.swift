import ArgumentParser
import Checkpoints
import Foundation
import Insight

extension LiveInsight {
    /// `liveinsight compose`: one planned show of the demo kit — its script and its simulated event log.
    struct Compose: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compose a planned demo show: its seller's script and its event log with planted effects.",
            discussion: """
                Reads the plan (AudioSamples/demo/shows.tsv: name, meta, minutes, mentions, seed, peak_viewers, \
                plants), composes the show's script from the bank of lines (each keyword said `mentions` times, \
                alone in its line, at seeded times; products on air in the metadata's order) and simulates its \
                events from the mentions in that script. Writes PREFIX.script.tsv (the lines with their start \
                times, for AudioSamples/demo/make_demo_broadcast.py --timed to speak), PREFIX.events.csv, \
                PREFIX.truth.json and PREFIX.meta.json. Docs/insight.md, "The demo broadcast kit".
                """)

        @Option(help: "The plan of shows (TSV).") var plan: String
        @Argument(help: "The show's name in the plan.") var show: String
        @Option(help: "A bank of lines (product, spoken, written; TSV), repeatable.") var lines: [String]
        @Option(help: "Keyword list CSV.") var keywords: String
        @Option(help: "Path prefix of the files written.") var out: String

        func run() throws {
            guard let plan = try ShowPlan.load(path: plan).first(where: { $0.name == show }) else {
                throw CLIError("\(self.plan): no show named \(show)")
            }
            let bank = try lines.flatMap { try ShowScript.bank(path: $0) }
            let composed = try plan.compose(bank: bank, keywords: try KeywordList.load(path: keywords))
            try AtomicFile.write(Data(composed.script.tsv.utf8), to: out + ".script.tsv")
            try AtomicFile.write(Data(BroadcastSimulator.csv(composed.events).utf8), to: out + ".events.csv")
            let truth = SimulationTruth(composed.simulation, mentions: composed.mentions)
            try AtomicFile.write(Data(try JSONOutput.encode(truth).utf8), to: out + ".truth.json")
            try AtomicFile.write(try Data(contentsOf: URL(fileURLWithPath: plan.metaPath)), to: out + ".meta.json")
            print(
                "\(show): \(composed.script.rows.count) lines, \(composed.mentions.count) mentions, "
                    + "\(composed.events.events.count) events in \(Int(plan.minutes)) minutes → \(out).*")
        }
    }
}
