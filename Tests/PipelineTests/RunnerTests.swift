import Foundation
import Testing
import Transcription

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// The runner: which stages run, which are reused, and what is recorded.
struct RunnerTests {
    /// A stage that needs the events file and copies it; for graphs beyond the standard one.
    private struct EventsCopy: Stage {
        let name = "events-copy"
        let version = "1"
        let inputs: [StageInput] = [.stage("decode"), .user(.events, required: true)]
        let outputs = ["events-copy.csv"]
        func run(_ context: StageContext) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: context.userInput(.events)!))
            try AtomicFile.write(data, to: context.path("events-copy.csv"))
        }
    }

    /// A stage that always fails.
    private struct Broken: Stage {
        let name = "broken"
        let version = "1"
        let inputs: [StageInput] = [.stage("decode")]
        let outputs = ["never.json"]
        func run(_ context: StageContext) throws { throw PipelineError.badInput(path: "x.csv", detail: "line 3: no") }
    }

    /// Outcomes of the stages that could run (those waiting for a user input they lack are left out).
    private func statuses(_ summary: RunSummary) -> [String: StageOutcome.Status] {
        Dictionary(uniqueKeysWithValues: summary.stages.filter { $0.status != .waiting }.map { ($0.stage, $0.status) })
    }

    /// The first run runs every stage and writes readable checkpoints; the second reuses them all.
    @Test func secondRunReusesEverything() throws {
        let runner = try Fixtures.runner()
        let first = try runner.run(RunRequest(recording: Fixtures.clip))
        #expect(statuses(first) == ["decode": .ran, "acoustic": .ran, "transcript": .ran])
        let transcript = try JSONDecoder().decode(
            Transcript.self, from: Data(contentsOf: URL(fileURLWithPath: first.folder + "/transcript.json")))
        #expect(abs(transcript.duration - 1.928) < 0.01)
        let reader = try PosteriorsReader(path: first.folder + "/posteriors.bin")
        #expect(reader.modelDigest == (try runner.models.acoustic.digest()))
        #expect(try reader.next() != nil)
        let second = try runner.run(RunRequest(recording: Fixtures.clip))
        #expect(second.reusedEverything)
        #expect(second.broadcast == first.broadcast && first.broadcast.count == 16)
        let runs = try runner.catalog.stageRuns(broadcast: first.broadcast)
        #expect(
            runs.filter { $0.status == .done }.count == 3 && runs.filter { $0.status == .reused }.count == 3,
            "\(runs.map { ($0.stage, $0.status) })")
    }

    /// A new keyword list reruns only the transcript, and is remembered by later runs.
    @Test func keywordsRerunOnlyTheTranscript() throws {
        let runner = try Fixtures.runner()
        _ = try runner.run(RunRequest(recording: Fixtures.clip))
        let keywords = try Fixtures.scratchFolder() + "/k.csv"
        try Data("keyword,topic\n특가,가격\n".utf8).write(to: URL(fileURLWithPath: keywords))
        let withKeywords = try runner.run(RunRequest(recording: Fixtures.clip, inputs: [.keywords: keywords]))
        #expect(
            statuses(withKeywords) == ["decode": .reused, "acoustic": .reused, "transcript": .ran, "mentions": .ran])
        #expect(FileManager.default.fileExists(atPath: withKeywords.folder + "/inputs/keywords.csv"))
        #expect(try runner.run(RunRequest(recording: Fixtures.clip)).reusedEverything)
        #expect(try runner.catalog.keywordLists().count == 1)
    }

    /// Changing a parameter reruns the stages whose key includes it, and those after them.
    @Test func parametersEnterTheKeys() throws {
        var settings = PipelineSettings()
        let runner = try Fixtures.runner(settings: settings)
        _ = try runner.run(RunRequest(recording: Fixtures.clip))
        settings.beamWidth = 3
        let beam = PipelineRunner(
            workspace: runner.workspace, catalog: runner.catalog, graph: runner.graph, settings: settings,
            models: runner.models, toolVersion: "test")
        #expect(
            statuses(try beam.run(RunRequest(recording: Fixtures.clip)))
                == ["decode": .reused, "acoustic": .reused, "transcript": .ran])
        settings.posteriorsEncoding = .int8
        let int8 = PipelineRunner(
            workspace: runner.workspace, catalog: runner.catalog, graph: runner.graph, settings: settings,
            models: runner.models, toolVersion: "test")
        #expect(
            statuses(try int8.run(RunRequest(recording: Fixtures.clip)))
                == ["decode": .reused, "acoustic": .ran, "transcript": .ran])
    }

    /// An output changed on disk fails verification, so its stage reruns.
    @Test func damagedOutputsAreRebuilt() throws {
        let runner = try Fixtures.runner()
        let first = try runner.run(RunRequest(recording: Fixtures.clip))
        let path = first.folder + "/transcript.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text.removeLast()
        text += " "  // same size, different bytes
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(
            statuses(try runner.run(RunRequest(recording: Fixtures.clip)))
                == ["decode": .reused, "acoustic": .reused, "transcript": .ran])
    }

    /// A stage whose required input is missing waits; once given, it runs.
    @Test func requiredInputsGateStages() throws {
        let graph = try StageGraph(StageGraph.standardStages + [EventsCopy()])
        let runner = try Fixtures.runner(graph: graph)
        let without = try runner.run(RunRequest(recording: Fixtures.clip))
        #expect(without.stages.last?.status == .waiting && without.stages.last?.note == "needs the events file")
        let events = try Fixtures.scratchFolder() + "/e.csv"
        try Data("timestamp,event_type\n1,cart\n".utf8).write(to: URL(fileURLWithPath: events))
        let with = try runner.run(RunRequest(recording: Fixtures.clip, inputs: [.events: events]))
        #expect(statuses(with)["events-copy"] == .ran && statuses(with)["transcript"] == .reused)
    }

    /// A failing stage is reported by name and recorded as failed in the manifest and the catalog.
    @Test func failuresAreRecorded() throws {
        let runner = try Fixtures.runner(graph: try StageGraph([DecodeStage(), Broken()]))
        #expect {
            try runner.run(RunRequest(recording: Fixtures.clip))
        } throws: { error in
            (error as? PipelineError)?.description.hasPrefix("stage broken of broadcast") == true
        }
        let folder = try #require(try runner.catalog.broadcasts().first.map { runner.workspace.broadcastFolder($0.id) })
        let manifest = try #require(try Manifest.load(folder: folder))
        #expect(manifest.stages["broken"]?.status == .failed && manifest.stages["broken"]?.error == "x.csv: line 3: no")
        #expect(try runner.catalog.stageRuns().last?.status == .failed)
    }

    /// A stop requested before a stage keeps that stage from starting.
    @Test func stopIsHonouredBetweenStages() throws {
        let runner = try Fixtures.runner()
        let stop = StopSignal()
        stop.request()
        #expect(throws: PipelineError.cancelled) { try runner.run(RunRequest(recording: Fixtures.clip), stop: stop) }
    }

    /// A file that is not audio fails in decode, naming the file.
    @Test func notAudioFailsInDecode() throws {
        let runner = try Fixtures.runner()
        let path = try Fixtures.scratchFolder() + "/notes.wav"
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try runner.run(RunRequest(recording: path))
        } throws: { error in
            let text = (error as? PipelineError)?.description ?? ""
            return text.hasPrefix("stage decode") && text.contains("notes.wav: not an audio file")
        }
    }
}
