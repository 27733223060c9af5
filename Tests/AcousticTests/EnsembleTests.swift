import Foundation
import Testing

@testable import Acoustic

/// An ensemble file (`Training/MODEL_FORMAT.md` section 5): the tiny model with a second tiny model of another seed.
struct EnsembleTests {
    static let ensemble = ModelParityTests.fixtures.appendingPathComponent("tiny-ensemble.safetensors").path

    /// The ensemble's log-probabilities on the fixture's features match PyTorch's `Ensemble` within 1e-3, with
    /// one thread or two.
    @Test func tinyEnsembleMatchesPyTorch() throws {
        let model = try AcousticModel(path: Self.ensemble)
        let members = model.ensembleMembers.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(members == ["tiny-model-b.safetensors"])
        let reference = try ModelParityTests.fixture("tiny-ensemble-fixture.safetensors")
        try ModelParityTests.expectLogProbabilitiesMatch(model, reference)
        try ModelParityTests.expectLogProbabilitiesMatch(model.withThreads(2), reference)
    }

    /// The ensemble is another model than its first member alone: its digest (stage caches) and its numbers differ.
    @Test func anEnsembleIsNotItsFirstMember() throws {
        let model = try AcousticModel(path: Self.ensemble)
        let first = try AcousticModel(path: ModelFileErrorTests.tinyModel)
        #expect(model.weightsDigest == first.weightsDigest)
        #expect(model.digest != first.digest)
        let features = try #require(try ModelParityTests.fixture("tiny-fixture.safetensors").tensors["features"])
        let frames = features.shape[0]
        #expect(
            model.logProbabilities(features: features.values, frames: frames)
                != first.logProbabilities(features: features.values, frames: frames))
    }

    /// A copy of the ensemble file without its member, or with another model under the member's name, fails to
    /// load with an error that names the file, the member and the problem.
    @Test func aMissingOrDifferentMemberIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ensemble-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("tiny-ensemble.safetensors").path
        try FileManager.default.copyItem(atPath: Self.ensemble, toPath: copy)
        func problem() -> String? {
            do {
                _ = try AcousticModel(path: copy)
                return nil
            } catch {
                guard case .ensembleMember(let path, let member, let problem) = error, path == copy,
                    member == "tiny-model-b.safetensors"
                else { return "unexpected error: \(error)" }
                return problem
            }
        }
        #expect(problem()?.contains("cannot read the model file") == true, "\(problem() ?? "loaded")")
        let impostor = folder.appendingPathComponent("tiny-model-b.safetensors").path
        try FileManager.default.copyItem(atPath: ModelFileErrorTests.tinyModel, toPath: impostor)
        #expect(problem()?.contains("the ensemble was calibrated with") == true, "\(problem() ?? "loaded")")
    }
}
