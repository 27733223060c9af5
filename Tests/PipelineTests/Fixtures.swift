import Foundation
import Report
import Testing
import Transcription

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// Paths and scratch folders the pipeline tests share.
enum Fixtures {
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seeded random model (fast; recognition quality does not matter here).
    static let tinyModel = repository.appendingPathComponent("Training/fixtures/tiny-model.safetensors").path

    /// A 1.9 s 16 kHz mono Korean clip.
    static let clip = repository.appendingPathComponent("Training/fixtures/clip-ko-2s.wav").path

    /// A new empty folder.
    static func scratchFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "liveinsight-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// The tiny model as a run's only model.
    static var tinyModels: StageModels { StageModels(acoustic: .acoustic(path: tinyModel, threads: 1)) }

    /// A runner on a new workspace with the tiny model.
    static func runner(
        settings: PipelineSettings = PipelineSettings(), graph: StageGraph? = nil,
        models: StageModels = tinyModels
    ) throws -> PipelineRunner {
        let workspace = Workspace(root: try scratchFolder())
        try workspace.create()
        return PipelineRunner(
            workspace: workspace, catalog: try Catalog(path: workspace.catalogPath),
            graph: try graph ?? StageGraph.standard(), settings: settings,
            models: models, toolVersion: "test")
    }
}

extension Fixtures {
    /// The dashboard's store over `runner`'s workspace, listed from its catalog in the pipeline's stage order.
    static func catalogStore(_ runner: PipelineRunner) -> WorkspaceStore {
        catalogStore(runner.workspace, runner.catalog)
    }

    /// The dashboard's store over `workspace`, listed from `catalog` in the pipeline's stage order.
    static func catalogStore(_ workspace: Workspace, _ catalog: Catalog) -> WorkspaceStore {
        WorkspaceStore(
            root: workspace.root,
            listing: CatalogListing(
                workspace: workspace, catalog: catalog, stageOrder: StageGraph.standardStages.map(\.name)))
    }

    /// Writes `data` to `path`.
    static func write(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path))
    }
}

extension Fixtures {
    /// A new file holding `text`.
    static func file(_ name: String, _ text: String) throws -> String {
        let path = try scratchFolder() + "/" + name
        try write(Data(text.utf8), to: path)
        return path
    }

    /// A runner whose workspace holds the clip run with a keyword list, a one-event log and a reference
    /// transcript: every stage but reviews has run.
    static func processedClip(
        keywords: String = "keyword,topic\n특가,가격\n"
    ) throws -> (runner: PipelineRunner, summary: RunSummary) {
        let runner = try runner()
        let summary = try runner.run(
            RunRequest(
                recording: clip,
                inputs: [
                    .keywords: try file("k.csv", keywords),
                    .events: try file("e.csv", "timestamp,event_type\n1,cart\n"),
                    .reference: try file("ref.txt", "오늘 특가 할인 배송"),
                ]))
        return (runner, summary)
    }

    /// Replaces the broadcast's checkpointed transcript with one saying `words` (one a second), as a real
    /// model would have heard them, and records it in the manifest so that it verifies.
    static func sayWords(_ words: [String], folder: String) throws {
        let timed = words.enumerated().map {
            TimedWord(text: $1, start: Double($0) * 0.4, end: Double($0) * 0.4 + 0.3, confidence: 0.9)
        }
        let transcript = Transcript(
            duration: 1.928, modelDigest: "test",
            segments: [
                TranscriptSegment(start: 0, end: 1.9, text: words.joined(separator: " "), words: timed)
            ])
        let path = folder + "/" + CheckpointFile.transcript.name
        try AtomicFile.write(Data(try TranscriptFormat.json.render(transcript).utf8), to: path)
        var manifest = try #require(try Manifest.load(folder: folder))
        manifest.stages["transcript"]?.outputs = [CheckpointFile.transcript.name: try FileDigest(path: path)]
        try manifest.save(folder: folder)
    }
}
