import Foundation
import Testing

@testable import Insight

/// The demo kit's planned shows (`AudioSamples/demo/shows.tsv`): the composed scripts, and issue #22 item 9 —
/// the 70-minute show's planted keywords come out as its significant leaders, read from its perfect transcript.
struct DemoShowTests {
    static let kit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("AudioSamples").path
    static let bank =
        (try? ["script.tsv", "more-lines.tsv"].flatMap { try ShowScript.bank(path: kit + "/demo/" + $0) })
        ?? []
    static let keywords = try? KeywordList.load(path: kit + "/demo-broadcast.keywords.csv")
    static let plans = (try? ShowPlan.load(path: kit + "/demo/shows.tsv")) ?? []

    /// Every keyword with a line of its own is said exactly the set number of times, alone in its line; lines
    /// never overlap and keep a 2-second pause; only the show's products and general lines are said; a seed
    /// always composes the same script, another seed another.
    @Test func composedScriptSaysEachKeywordItsTimes() throws {
        let keywords = try #require(Self.keywords)
        var setup = ShowScript.Setup(duration: 1_800, products: ["P001", "P002"])
        setup.mentionsPerKeyword = 4
        setup.seed = 3
        let script = ShowScript(bank: Self.bank, keywords: keywords, setup: setup)
        let mentions = MentionFinder(keywords: keywords).mentions(in: script.transcript)
        let counts = Dictionary(grouping: mentions, by: \.keyword).mapValues(\.count)
        #expect(counts.count >= 14 && counts.values.allSatisfy { $0 == 4 }, "\(counts)")
        for segment in script.transcript.segments {
            let said = mentions.filter { $0.time >= segment.start && $0.time < segment.end }
            #expect(Set(said.map(\.keyword)).count <= 1)
        }
        #expect(script.rows.first.map { $0.start >= ShowScript.leadIn } == true)
        #expect(zip(script.rows, script.rows.dropFirst()).allSatisfy { $1.start >= $0.end + ShowScript.pauses.0 })
        #expect(script.rows.last.map { $0.end < setup.duration } == true)
        #expect(Set(script.rows.map(\.line.product)).isSubset(of: ["-", "P001", "P002"]))
        #expect(ShowScript(bank: Self.bank, keywords: keywords, setup: setup).tsv == script.tsv)
        setup.seed = 4
        #expect(ShowScript(bank: Self.bank, keywords: keywords, setup: setup).tsv != script.tsv)
    }

    /// The plan holds a show of at least an hour and several shorter ones on different days and slots.
    @Test func planHasALongShowAndSeveralOthers() throws {
        let long = try #require(Self.plans.first)
        #expect(long.minutes >= 60 && Self.plans.count >= 4)
        let starts = try Self.plans.map { try #require(try BroadcastMetadata.load(path: $0.metaPath).start) }
        #expect(Set(starts.map { Calendar(identifier: .gregorian).component(.weekday, from: $0) }).count >= 3)
    }

    /// Issue #22 item 9: on the long show the three planted keywords are significant and lead, no other
    /// keyword is significant, and the intervals of the planted keywords cover their planted factors.
    @Test func longShowsPlantedKeywordsAreTheSignificantLeaders() throws {
        let plan = try #require(Self.plans.first)
        let show = try plan.compose(bank: Self.bank, keywords: try #require(Self.keywords))
        let report = AlignmentAnalysis.analyse(
            mentions: show.mentions, events: show.events,
            duration: plan.minutes * 60, metadata: show.metadata,
            options: AlignmentOptions())
        let significant = report.keywords.filter(\.significant).map(\.name)
        #expect(Set(significant) == Set(plan.planted.keys), "significant: \(significant)")
        #expect(Set(report.keywords.prefix(3).map(\.name)) == Set(plan.planted.keys))
        for impact in report.keywords where plan.planted[impact.name] != nil {
            let truth = plan.planted[impact.name]!
            #expect(
                (impact.upliftLow ?? .infinity) <= truth && truth <= (impact.upliftHigh ?? 0),
                "\(impact.name): \(impact)")
        }
    }

    /// The simulator's product views: one before every cart and purchase, by its viewer, of its product; and
    /// adding them changed none of the other events.
    @Test func simulatedProductViewsPrecedeCartsAndPurchases() throws {
        let plan = try #require(Self.plans.last)
        let show = try plan.compose(bank: Self.bank, keywords: try #require(Self.keywords))
        let views = show.events.events(of: .productView)
        let looked = Set(views.map { "\($0.viewerID!)|\($0.productID!)" })
        let buys = show.events.events.filter { $0.type == .cart || $0.type == .purchase }
        #expect(!buys.isEmpty && buys.allSatisfy { looked.contains("\($0.viewerID!)|\($0.productID!)") })
        #expect(views.count > buys.count)  // browsing besides
        var without = show.simulation
        without.productViewRate = 0
        let others = show.events.events.filter { $0.type != .productView }
        #expect(BroadcastSimulator(setup: without).run().events == others)
    }
}
