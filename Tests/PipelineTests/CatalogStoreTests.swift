import Foundation
import Report
import Testing
import Validation

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// The dashboard's store over the catalog, and the validation figures the catalog keeps for it.
struct CatalogStoreTests {
    /// The validation stage's corpus figures land in the catalog under the stage's key, equal to `validation.json`'s.
    @Test func validationFiguresAreStored() throws {
        let (runner, summary) = try Fixtures.processedClip()
        let report = try CheckpointJSON.read(
            ValidationReport.self, from: summary.folder + "/" + CheckpointFile.validation.name)
        let stored = try #require(try runner.catalog.validationResults(broadcast: summary.broadcast).first)
        #expect(stored.key == summary.stages.first { $0.stage == "validation" }?.key)
        #expect(stored.cer == report.corpus.cer && stored.wer == report.corpus.wer)
        #expect(stored.sentenceErrorRate == report.corpus.sentenceErrorRate && stored.items == 1)
        #expect(stored.characters == 8 && stored.characters == report.corpus.characters.referenceLength)  // 오늘특가할인배송
        #expect(
            stored.wordsDeletions + stored.wordsSubstitutions + stored.wordsInsertions == report.corpus.words.errors)
        // What the dashboard reads back are the validator's own counts.
        #expect(stored.figures.characters == report.corpus.characters && stored.figures.words == report.corpus.words)
    }

    /// A catalog without the figures (made before they were kept) gets them when the stage is reused.
    @Test func reusedValidationFillsMissingFigures() throws {
        let (runner, summary) = try Fixtures.processedClip()
        try runner.catalog.write { db in try db.execute("DELETE FROM validation_results") }
        let again = try runner.run(RunRequest(recording: Fixtures.clip))
        #expect(again.reusedEverything)
        #expect(
            try runner.catalog.validationResults(broadcast: summary.broadcast).first?.key
                == summary.stages.first { $0.stage == "validation" }?.key)
    }

    /// The list comes from the catalog: name, date, length and each stage's latest run in pipeline order;
    /// the headline figures from summary.json and the CER from the catalog.
    @Test func listsBroadcastsFromTheCatalog() throws {
        let (runner, summary) = try Fixtures.processedClip()
        let store = Fixtures.catalogStore(runner)
        let record = try #require(try runner.catalog.broadcast(id: summary.broadcast))
        let entry = try #require(try store.entries().first)
        #expect(entry.id == summary.broadcast && entry.title == "clip-ko-2s.wav")
        #expect(entry.date == record.created && entry.duration == record.duration && record.duration != nil)
        #expect(
            entry.stages.map(\.name) == ["decode", "acoustic", "transcript", "validation", "mentions", "alignment"])
        #expect(entry.stages.allSatisfy { $0.status == "done" })
        #expect(
            entry.summary
                == (try BroadcastFolder(workspace: runner.workspace.root, id: summary.broadcast).report())?.summary)
        let figures = try #require(entry.validation)
        #expect(figures == (try runner.catalog.validationResults(broadcast: summary.broadcast).first?.figures))
        #expect(try store.broadcast(id: summary.broadcast).entry == entry)
        // The list reads summary.json, never alignment.json: a broken alignment leaves the list's figures alone.
        try Data("{".utf8).write(
            to: URL(fileURLWithPath: runner.workspace.broadcastFolder(summary.broadcast) + "/alignment.json"))
        #expect(try store.entries().first?.summary == entry.summary && entry.summary != nil)
    }

    /// A stage run still marked running while no process holds the broadcast shows as interrupted.
    @Test func deadRunsShowAsInterrupted() throws {
        let (runner, summary) = try Fixtures.processedClip()
        _ = try runner.catalog.startStageRun(broadcast: summary.broadcast, job: nil, stage: "alignment", key: "k")
        let store = Fixtures.catalogStore(runner)
        #expect(try store.entries().first?.stages.last == StageState(name: "alignment", status: "interrupted"))
    }

    /// A folder the catalog does not know is no broadcast of the dashboard; the catalog's recording path is streamed.
    @Test func theCatalogIsTheAuthority() throws {
        let (runner, summary) = try Fixtures.processedClip()
        try FileManager.default.copyItem(atPath: summary.folder, toPath: runner.workspace.broadcastFolder("stray"))
        let store = Fixtures.catalogStore(runner)
        #expect(try store.entries().map(\.id) == [summary.broadcast])
        #expect(throws: ReportError.unknownBroadcast("stray")) { try store.broadcast(id: "stray") }
        #expect(try store.recording(id: summary.broadcast).path == Fixtures.clip)
    }

    /// A recording inside the workspace is recorded relative to it, so a machine that mounts the shared workspace
    /// at another path still streams it. Here the workspace moves: the paths the first run saw are gone.
    @Test func aRecordingInsideTheWorkspaceIsFoundFromAnotherPath() throws {
        let runner = try Fixtures.runner()
        try FileManager.default.createDirectory(atPath: runner.workspace.submitted, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.clip, toPath: runner.workspace.submitted + "/clip.wav")
        let summary = try runner.run(RunRequest(recording: runner.workspace.submitted + "/clip.wav"))
        #expect(try runner.catalog.broadcast(id: summary.broadcast)?.sourcePath == "submitted/clip.wav")

        let elsewhere = Workspace(root: try Fixtures.scratchFolder() + "/mounted-elsewhere")
        try FileManager.default.moveItem(atPath: runner.workspace.root, toPath: elsewhere.root)
        let store = Fixtures.catalogStore(elsewhere, try Catalog(path: elsewhere.catalogPath))
        #expect(try store.recording(id: summary.broadcast).path == elsewhere.submitted + "/clip.wav")
    }

    /// `open` lists from the catalog when the workspace has one, from its folders otherwise.
    @Test func opensTheRightStore() throws {
        let (runner, _) = try Fixtures.processedClip()
        #expect(try WorkspaceStore.open(root: runner.workspace.root).listing is CatalogListing)
        #expect(try WorkspaceStore.open(root: try Fixtures.scratchFolder()).listing is FolderListing)
    }

    /// The list page shows the CER, the dashboard the transcript accuracy table.
    @Test func pagesShowTheValidationFigures() throws {
        let (runner, summary) = try Fixtures.processedClip()
        let store = Fixtures.catalogStore(runner)
        let figures = try #require(try store.entries().first?.validation)
        let cer = String(format: "%.1f%%", figures.cer * 100)
        #expect(ListPage(entries: try store.entries()).html().contains("data-sort=\"\(figures.cer)\">\(cer)</td></tr>"))
        let dashboard = DashboardPage(broadcast: try store.broadcast(id: summary.broadcast), assets: .linked).html()
        #expect(dashboard.contains("id=\"validation-figures\""))
        #expect(dashboard.contains("<td>문자 Characters (CER)</td><td class=\"num\">\(cer)</td>"))
    }
}
