import Foundation
import Insight
import Report
import Testing
import Transcription

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// The broadcast list's summary rows: written by the alignment stage, rewritten when it runs again.
struct CatalogSummaryTests {
    /// The alignment in broadcast folder `folder`.
    private static func alignment(_ folder: String) throws -> InsightReport {
        try CheckpointJSON.read(InsightReport.self, from: folder + "/" + CheckpointFile.alignment.name)
    }

    /// The alignment stage stores the list's row under its key, with `alignment.json`'s figures.
    @Test func theAlignmentStageWritesTheRow() throws {
        let (runner, summary) = try Fixtures.processedClip()
        let report = try Self.alignment(summary.folder)
        let row = try #require(try runner.catalog.broadcastSummaries(broadcast: summary.broadcast).first)
        #expect(row.key == summary.stages.first { $0.stage == "alignment" }?.key)
        #expect(row.summary == report.summary && row.duration == report.duration && row.mentions == report.ments.count)
    }

    /// Re-aligning with a new keyword list rewrites the row: the new key and the new list's mentions, in the list too.
    @Test func realigningUpdatesTheRow() throws {
        var settings = PipelineSettings()
        // A window right after each mention, so the clip's mentions fall inside the 1.9 s recording.
        (settings.alignment.windowStart, settings.alignment.windowEnd) = (0, 1)
        let runner = try Fixtures.runner(settings: settings)
        let inputs: [UserInputKind: String] = [
            .keywords: try Fixtures.file("k.csv", "keyword,topic\n없는말,기타\n"),
            .events: try Fixtures.file(
                "e.csv",
                "timestamp,event_type,product_id,quantity,price\n"
                    + "1,purchase,P1,2,1000\n"),
        ]
        let first = try runner.run(RunRequest(recording: Fixtures.clip, inputs: inputs))
        let before = try #require(try runner.catalog.broadcastSummaries(broadcast: first.broadcast).first)
        // The new list holds every word the (seeded, meaningless) model wrote, so it is mentioned.
        let transcript = try CheckpointJSON.read(
            Transcript.self,
            from: first.folder + "/" + CheckpointFile.transcript.name)
        let words = Set(transcript.words.map(\.text).filter { !$0.isEmpty })
        #expect(!words.isEmpty)
        let list = try Fixtures.file("new.csv", "keyword,topic\n" + words.sorted().map { "\($0),새 주제\n" }.joined())
        let again = try runner.rerun(broadcast: first.broadcast, from: ["mentions"], inputs: [.keywords: list])
        let report = try Self.alignment(again.folder)
        let after = try #require(try runner.catalog.broadcastSummaries(broadcast: first.broadcast).first)
        #expect(after.key == again.stages.first { $0.stage == "alignment" }?.key && after.key != before.key)
        #expect(before.mentions == 0 && after.mentions == report.ments.count && after.mentions > 0)
        #expect(after.summary == report.summary)
        #expect(try Fixtures.catalogStore(runner).entries().first?.mentions == after.mentions)
    }

    /// A row written under another key than the latest alignment run's (an older tool's) is rewritten by the list.
    @Test func theListReplacesAStaleRow() throws {
        let (runner, summary) = try Fixtures.processedClip()
        let key = try #require(summary.stages.first { $0.stage == "alignment" }?.key)
        let report = try Self.alignment(summary.folder)
        var stale = report
        stale.summary.unitsSold += 7
        let older = BroadcastSummaryRecord(report: stale, metadata: nil, broadcast: summary.broadcast, key: "older")
        try runner.catalog.recordSummary(older)
        #expect(try Fixtures.catalogStore(runner).entries().first?.summary == report.summary)
        #expect(try runner.catalog.broadcastSummaries(broadcast: summary.broadcast).first?.key == key)
    }
}
