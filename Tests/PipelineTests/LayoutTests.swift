import Checkpoints
import Foundation
import Testing

@testable import Pipeline

/// `CheckpointFile` is the one list of a broadcast folder's files: the stages declare no other, and a run
/// writes no other.
struct LayoutTests {
    /// The stages' outputs and the manifest are exactly the layout's files, each written by one stage.
    @Test func stagesWriteTheLayoutsFiles() throws {
        let outputs = StageGraph.standardStages.flatMap(\.outputs)
        #expect(Set(outputs).count == outputs.count)
        #expect(Set(outputs + [Manifest.fileName]) == Set(CheckpointFile.allCases.map(\.name)))
    }

    /// A run leaves in the broadcast folder the manifest, the outputs of the stages that ran, the inputs folder
    /// and the lock: every name among the layout's, none other.
    @Test func aRunWritesExactlyTheLayoutsFiles() throws {
        let (_, summary) = try Fixtures.processedClip()
        let ran = summary.stages.filter { $0.status == .ran }
        #expect(ran.map(\.stage) == ["decode", "acoustic", "transcript", "validation", "mentions", "alignment"])
        let written = Set(ran.flatMap(\.outputs).map { ($0 as NSString).lastPathComponent })
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: summary.folder))
        #expect(present == written.union([Manifest.fileName, CheckpointFile.inputsFolder, CheckpointFile.lockFile]))
        let layout = Set(CheckpointFile.allCases.map(\.name))
        #expect(
            written.union([Manifest.fileName])
                == layout.subtracting([CheckpointFile.reviews.name, CheckpointFile.reviewAlerts.name]))
        let inputsFolder = summary.folder + "/" + CheckpointFile.inputsFolder
        let inputs = try FileManager.default.contentsOfDirectory(atPath: inputsFolder)
        #expect(Set(inputs) == Set([UserInputKind.keywords, .events, .reference].map(\.fileName)))
    }
}
