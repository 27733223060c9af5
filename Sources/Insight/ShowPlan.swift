import Foundation

/// One planned show of the demo kit (`AudioSamples/demo/shows.tsv`, a row per show: `name, meta, minutes,
/// mentions, seed, peak_viewers, plants`), and how it is composed: a script from the bank of lines
/// (`ShowScript`, products on air in the metadata's order) and, from the mentions in that script, an event
/// log with the planted effects (`BroadcastSimulator`). `make demo` and the tests compose the same shows.
public struct ShowPlan: Sendable, Equatable {
    public var name: String
    /// The show's metadata file (title, start, products), resolved against the plan's folder.
    public var metaPath: String
    public var minutes: Double
    public var mentionsPerKeyword: Int
    /// Seed of the script and of the simulated events.
    public var seed: UInt64
    public var peakViewers: Double
    /// Keyword → planted uplift of cart and purchase rates in its windows.
    public var planted: [String: Double]

    /// A composed show: its script, metadata, the mentions the real `MentionFinder` finds in the script,
    /// and the simulated events.
    public struct Composed: Sendable {
        public let script: ShowScript
        public let metadata: BroadcastMetadata
        public let mentions: [Mention]
        public let simulation: BroadcastSimulator.Setup
        public let events: EventLog
    }

    /// Composes the show from a bank of lines and the keyword list.
    public func compose(bank: [ShowScript.Line], keywords: KeywordList) throws(InsightError) -> Composed {
        let metadata = try BroadcastMetadata.load(path: metaPath)
        var setup = ShowScript.Setup(duration: minutes * 60, products: metadata.products.map(\.id))
        setup.mentionsPerKeyword = mentionsPerKeyword
        setup.seed = seed
        let script = ShowScript(bank: bank, keywords: keywords, setup: setup)
        let mentions = MentionFinder(keywords: keywords).mentions(in: script.transcript)
        var simulation = BroadcastSimulator.Setup(
            duration: setup.duration, mentions: mentions, planted: planted,
            products: metadata.products)
        simulation.seed = seed
        simulation.peakViewers = peakViewers
        return Composed(
            script: script, metadata: metadata, mentions: mentions, simulation: simulation,
            events: BroadcastSimulator(setup: simulation).run())
    }

    /// Reads the plan; metadata paths are taken relative to the plan's folder.
    public static func load(path: String) throws(InsightError) -> [ShowPlan] {
        let folder = (path as NSString).deletingLastPathComponent
        var plans: [ShowPlan] = []
        for (index, row) in try InsightError.readText(path: path).split(separator: "\n").enumerated().dropFirst() {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let plants = fields.count == 7 ? fields[6].split(separator: ";").map { plant(String($0)) } : []
            guard fields.count == 7, let minutes = Double(fields[2]), let mentions = Int(fields[3]),
                let seed = UInt64(fields[4]), let peak = Double(fields[5]),
                !plants.contains(where: { $0 == nil })
            else {
                throw .badRow(
                    path: path, line: index + 1,
                    detail:
                        "expected name, meta, minutes, mentions, seed, peak_viewers, plants (KEYWORD=FACTOR;…)")
            }
            plans.append(
                ShowPlan(
                    name: fields[0], metaPath: (folder as NSString).appendingPathComponent(fields[1]),
                    minutes: minutes, mentionsPerKeyword: mentions, seed: seed, peakViewers: peak,
                    planted: Dictionary(plants.compactMap { $0 }, uniquingKeysWith: { _, last in last })))
        }
        return plans
    }

    /// A planted effect written `KEYWORD=FACTOR` (factor > 0), or nil.
    public static func plant(_ text: String) -> (keyword: String, factor: Double)? {
        let parts = text.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let factor = Double(parts[1]), factor > 0 else { return nil }
        return (String(parts[0]), factor)
    }
}
