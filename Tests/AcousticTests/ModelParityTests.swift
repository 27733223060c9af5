import Features
import Foundation
import Testing

@testable import Acoustic

/// The Swift Conformer against PyTorch on the committed fixtures in Training/fixtures (see its README).
struct ModelParityTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Training/fixtures")

    static func fixture(_ name: String) throws -> SafeTensorsFile {
        try SafeTensorsFile(path: fixtures.appendingPathComponent(name).path)
    }

    /// `model`'s log-probabilities on a fixture's features are within 1e-3 of PyTorch's.
    static func expectLogProbabilitiesMatch(
        _ model: AcousticModel, _ reference: SafeTensorsFile,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let features = try #require(reference.tensors["features"], sourceLocation: sourceLocation)
        let expected = try #require(reference.tensors["log_probs"], sourceLocation: sourceLocation)
        let posteriors = model.logProbabilities(features: features.values, frames: features.shape[0])
        #expect([posteriors.frames, posteriors.vocabularySize] == expected.shape, sourceLocation: sourceLocation)
        let worst = zip(posteriors.values, expected.values).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-3, "max |swift − torch| = \(worst)", sourceLocation: sourceLocation)
    }

    /// Log-probabilities of the seeded tiny model on the fixture's features match PyTorch within 1e-3.
    @Test func tinyModelMatchesPyTorch() throws {
        let model = try AcousticModel(path: Self.fixtures.appendingPathComponent("tiny-model.safetensors").path)
        let reference = try Self.fixture("tiny-fixture.safetensors")
        try Self.expectLogProbabilitiesMatch(model, reference)
    }

    static let shippedModel = fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Models/ko-ctc-small.safetensors").path

    /// The shipped model (F16 weights, widened to float32 as PyTorch widened them) on its fixture's features
    /// matches PyTorch within 1e-3. The fixture names the model it was made from, so a new model shipped
    /// without a new fixture fails here instead of being compared with another model's numbers.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: shippedModel), "no model in Models/ yet"))
    func shippedModelMatchesPyTorch() throws {
        let model = try AcousticModel(path: Self.shippedModel, threads: 2)
        let reference = try Self.fixture("shipped-fixture.safetensors")
        #expect(
            reference.metadata["model_data_sha256"] == model.weightsDigest,
            "Training/fixtures/shipped-fixture.safetensors was made from another model: regenerate it (README there)")
        try Self.expectLogProbabilitiesMatch(model, reference)
    }

    /// Two threads compute the same numbers as one.
    @Test func threadsDoNotChangeResults() throws {
        let path = Self.fixtures.appendingPathComponent("tiny-model.safetensors").path
        let features = try #require(try Self.fixture("tiny-fixture.safetensors").tensors["features"])
        let one = try AcousticModel(path: path, threads: 1).logProbabilities(
            features: features.values, frames: features.shape[0])
        let two = try AcousticModel(path: path, threads: 2).logProbabilities(
            features: features.values, frames: features.shape[0])
        #expect(one == two)
    }

    /// From the fixture's audio through the Swift front end to log-probabilities: within 1e-2 of
    /// PyTorch (the front end's 1e-4 feature differences pass through a random model).
    @Test func audioToLogProbabilities() throws {
        let model = try AcousticModel(path: Self.fixtures.appendingPathComponent("tiny-model.safetensors").path)
        let reference = try Self.fixture("tiny-fixture.safetensors")
        let samples = try #require(reference.tensors["samples"]).values
        let expected = try #require(reference.tensors["log_probs"])
        let features = LogMelExtractor.compute(samples)
        let posteriors = model.logProbabilities(features: features, frames: features.count / 80)
        #expect(posteriors.values.count == expected.values.count)
        let worst = zip(posteriors.values, expected.values).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-2, "max |swift − torch| = \(worst)")
    }

    /// Fewer than 7 feature frames give no output frames, not a crash.
    @Test func tooShortInputGivesNoFrames() throws {
        let model = try AcousticModel(path: Self.fixtures.appendingPathComponent("tiny-model.safetensors").path)
        for frames in [0, 1, 6] {
            #expect(
                model.logProbabilities(features: [Float](repeating: -5, count: frames * 80), frames: frames).frames == 0
            )
        }
        #expect(model.logProbabilities(features: [Float](repeating: -5, count: 7 * 80), frames: 7).frames == 1)
    }
}
