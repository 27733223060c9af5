import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import Insight
import Pipeline

extension LiveInsight {
    /// `liveinsight simulate`: an event log with known planted effects, for demos and tests.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate a broadcast's event log with planted keyword effects.",
            discussion: """
                Mentions come from a reference script (start, end, product, spoken — as the demo kit writes) \
                and the keyword list. Each --plant KEYWORD=FACTOR multiplies the cart and purchase rates in \
                the windows after that keyword's mentions. Writes the events CSV and, with --truth, a JSON \
                record of what was planted.
                """)

        @Option(help: "Reference script TSV with line times.") var reference: String
        @Option(help: "Keyword list CSV.") var keywords: String
        @Option(help: "Broadcast metadata JSON (products, prices).") var meta: String?
        @Option(help: "Broadcast length in seconds (default: the end of the last line plus 5 minutes).") var duration:
            Double?
        @Option(name: .customLong("plant"), help: "KEYWORD=FACTOR, repeatable.") var plants: [String] = []
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "Peak concurrent viewers.") var peakViewers: Double = 1_200
        @Option(name: .shortAndLong, help: "Events CSV to write.") var out: String
        @Option(help: "Where to write the planted truth (JSON).") var truth: String?

        func run() throws {
            var planted: [String: Double] = [:]
            for plant in plants {
                guard let (keyword, factor) = ShowPlan.plant(plant) else {
                    throw CLIError("--plant \(plant): expected KEYWORD=FACTOR, e.g. 할인=2.5")
                }
                planted[keyword] = factor
            }
            let list = try KeywordList.load(path: keywords)
            let script = try ReferenceScript.transcript(path: reference)
            let mentions = MentionFinder(keywords: list).mentions(in: script)
            let metadata = try meta.map(BroadcastMetadata.load) ?? BroadcastMetadata()
            var setup = BroadcastSimulator.Setup(
                duration: duration ?? script.duration + 300, mentions: mentions,
                planted: planted, products: metadata.products)
            setup.seed = seed
            setup.peakViewers = peakViewers
            let events = BroadcastSimulator(setup: setup).run()
            try AtomicFile.write(Data(BroadcastSimulator.csv(events).utf8), to: out)
            if let truth {
                let record = SimulationTruth(setup, mentions: mentions)
                try AtomicFile.write(Data(try JSONOutput.encode(record).utf8), to: truth)
            }
            print(
                "wrote \(events.events.count) events (\(mentions.count) mentions, \(planted.count) planted) to \(out)")
        }
    }
}

/// What the simulator planted, for checking the analysis.
struct SimulationTruth: Encodable {
    let seed: UInt64
    let duration: Double
    let planted: [String: Double]
    let windowStart: Double
    let windowEnd: Double
    let mentions: [Mention]

    init(_ setup: BroadcastSimulator.Setup, mentions: [Mention]) {
        (seed, duration, planted) = (setup.seed, setup.duration, setup.planted)
        (windowStart, windowEnd, self.mentions) = (setup.window.start, setup.window.end, mentions)
    }
}
