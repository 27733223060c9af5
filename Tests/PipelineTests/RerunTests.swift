import Acoustic
import Foundation
import Insight
import Testing
import Transcription

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// Rerunning stages of a broadcast from its checkpoints (`align <broadcast> --keywords`).
struct RerunTests {
    /// The keywords of the mentions found from the transcript (spotting on the tiny random model's posteriors may
    /// add others).
    private func transcriptMentions(_ folder: String) throws -> Set<String> {
        let mentions = try CheckpointJSON.read([Mention].self, from: folder + "/" + CheckpointFile.mentions.name)
        return Set(mentions.filter { $0.source != .acoustic }.map(\.keyword))
    }

    /// A new keyword list reruns mentions and alignment only: no decode, acoustic or transcript run is recorded,
    /// and the posteriors are not rewritten.
    @Test func rerunLeavesUpstreamStagesAlone() throws {
        let (runner, first) = try Fixtures.processedClip()
        let posteriors = first.folder + "/" + CheckpointFile.posteriors.name
        let written = try FileManager.default.attributesOfItem(atPath: posteriors)[.modificationDate] as? Date
        let acoustic = try Manifest.load(folder: first.folder)?.stages["acoustic"]
        let runsBefore = try runner.catalog.stageRuns(broadcast: first.broadcast).count

        let summary = try runner.rerun(
            broadcast: first.broadcast, from: ["mentions"],
            inputs: [.keywords: try Fixtures.file("new.csv", "keyword,topic\n배송,배송\n")])
        #expect(summary.stages.map(\.stage) == ["mentions", "alignment"])
        #expect(summary.stages.allSatisfy { $0.status == .ran })
        let newRuns = try runner.catalog.stageRuns(broadcast: first.broadcast).dropFirst(runsBefore)
        #expect(newRuns.map(\.stage) == ["mentions", "alignment"] && newRuns.allSatisfy { $0.status == .done })
        #expect(try FileManager.default.attributesOfItem(atPath: posteriors)[.modificationDate] as? Date == written)
        #expect(try Manifest.load(folder: first.folder)?.stages["acoustic"] == acoustic)
        #expect(try String(contentsOfFile: first.folder + "/inputs/keywords.csv", encoding: .utf8).contains("배송"))
    }

    /// Mentions and alignment follow the new keyword list.
    @Test func newKeywordListChangesTheResult() throws {
        let (runner, first) = try Fixtures.processedClip(keywords: "keyword,topic\n할인,가격\n")
        try Fixtures.sayWords(["오늘", "특가", "무료", "배송"], folder: first.folder)
        _ = try runner.rerun(
            broadcast: first.broadcast, from: ["mentions"],
            inputs: [.keywords: try Fixtures.file("a.csv", "keyword,topic\n특가,가격\n")])
        #expect(try transcriptMentions(first.folder) == ["특가"])
        let before = try Data(contentsOf: URL(fileURLWithPath: first.folder + "/" + CheckpointFile.alignment.name))

        _ = try runner.rerun(
            broadcast: first.broadcast, from: ["mentions"],
            inputs: [.keywords: try Fixtures.file("b.csv", "keyword,topic\n배송,배송\n")])
        #expect(try transcriptMentions(first.folder) == ["배송"])
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: first.folder + "/" + CheckpointFile.alignment.name)) != before)
    }

    /// Rerunning with the same list reuses the stages, as `run` would.
    @Test func sameListIsReused() throws {
        let (runner, first) = try Fixtures.processedClip()
        let summary = try runner.rerun(broadcast: first.broadcast, from: ["mentions"])
        #expect(summary.stages.map(\.status) == [.reused, .reused])
    }

    /// A broadcast whose transcript has not finished cannot be re-aligned: its mentions wait for it.
    @Test func missingTranscriptMakesMentionsWait() throws {
        let (runner, first) = try Fixtures.processedClip()
        var manifest = try #require(try Manifest.load(folder: first.folder))
        manifest.stages["transcript"]?.status = .failed
        try manifest.save(folder: first.folder)
        let summary = try runner.rerun(broadcast: first.broadcast, from: ["mentions"])
        #expect(summary.stages.first?.status == .waiting && summary.stages.first?.note == "needs stage transcript")
    }

    /// Unknown ids and unknown stage names are refused with what to do.
    @Test func unknownBroadcastOrStage() throws {
        let (runner, first) = try Fixtures.processedClip()
        #expect(throws: PipelineError.unknownBroadcast(id: "nope", workspace: runner.workspace.root)) {
            try runner.rerun(broadcast: "nope", from: ["mentions"])
        }
        #expect(throws: PipelineError.unknownBroadcast(id: "../x", workspace: runner.workspace.root)) {
            try runner.rerun(broadcast: "../x", from: ["mentions"])
        }
        #expect(throws: PipelineError.invalidGraph("there is no stage named 'align'")) {
            try runner.rerun(broadcast: first.broadcast, from: ["align"])
        }
        #expect(
            PipelineError.unknownBroadcast(id: "nope", workspace: "/ws").description
                == "no broadcast 'nope' in workspace /ws; `liveinsight status --workspace /ws` lists them")
    }

    /// Posteriors made by another model are not re-spotted with the current one's units: a full run must redo them.
    @Test func otherModelIsRefused() throws {
        let (runner, first) = try Fixtures.processedClip()
        var manifest = try #require(try Manifest.load(folder: first.folder))
        manifest.stages["acoustic"]?.modelDigest = String(repeating: "0", count: 64)
        try manifest.save(folder: first.folder)
        #expect {
            try runner.rerun(broadcast: first.broadcast, from: ["mentions"])
        } throws: { error in
            guard case .outdatedCheckpoint(_, "acoustic", let detail) = error as? PipelineError else { return false }
            return detail.hasPrefix("made with model 000000000000…")
        }
    }

    /// A spotting threshold given for the rerun enters the mentions stage's key: the stage runs again, and a
    /// looser threshold spots at least what a stricter one does.
    @Test func spottingThresholdReruns() throws {
        let (runner, first) = try Fixtures.processedClip(keywords: "keyword,topic\n특가,가격\n할인,가격\n배송,배송\n")
        func rerun(threshold: Float) throws -> (RunSummary, [Mention]) {
            var settings = runner.settings
            settings.spottingThreshold = threshold
            let rerunner = PipelineRunner(
                workspace: runner.workspace, catalog: runner.catalog, graph: runner.graph,
                settings: settings, models: Fixtures.tinyModels, toolVersion: "test")
            let summary = try rerunner.rerun(broadcast: first.broadcast, from: ["mentions"])
            let mentions = try CheckpointJSON.read(
                [Mention].self, from: first.folder + "/" + CheckpointFile.mentions.name)
            return (summary, mentions.filter { $0.source != .transcript })
        }
        let (loose, anything) = try rerun(threshold: -1000)
        #expect(loose.stages.first?.status == .ran)
        #expect(!anything.isEmpty, "with no real threshold every keyword is spotted somewhere")
        let (strict, confident) = try rerun(threshold: -0.01)
        #expect(strict.stages.first?.status == .ran)
        #expect(confident.count <= anything.count)
        #expect(confident.allSatisfy { $0.confidence >= Double(exp(Float(-0.01))) - 1e-6 })
        #expect(try rerun(threshold: -0.01).0.stages.first?.status == .reused)
    }

    /// A language model enters the transcript stage's key: adding one decodes the transcript again (and
    /// what reads it), never the acoustic model.
    @Test func languageModelRedecodesTheTranscript() throws {
        let (runner, _) = try Fixtures.processedClip()
        let languageModel = Fixtures.tinyModel.replacingOccurrences(of: ".safetensors", with: ".lm.safetensors")
        let models = StageModels(
            acoustic: .acoustic(path: Fixtures.tinyModel, threads: 1),
            language: .language(path: languageModel))
        let fused = PipelineRunner(
            workspace: runner.workspace, catalog: runner.catalog, graph: runner.graph,
            settings: runner.settings, models: models, toolVersion: "test")
        let summary = try fused.run(RunRequest(recording: Fixtures.clip, inputs: [:]))
        let status = Dictionary(uniqueKeysWithValues: summary.stages.map { ($0.stage, $0.status) })
        #expect(status["acoustic"] == .reused && status["transcript"] == .ran, "\(status)")
    }
}
