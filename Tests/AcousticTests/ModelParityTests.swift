import Foundation
import Testing
@testable import Acoustic
import Features

/// The Swift Conformer against PyTorch on the committed fixtures in Training/fixtures (see its README).
struct ModelParityTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Training/fixtures")

    static func fixture(_ name: String) throws -> SafeTensorsFile {
        try SafeTensorsFile(path: fixtures.appendingPathComponent(name).path)
    }

    /// Log-probabilities of the seeded tiny model on the fixture's features match PyTorch within 1e-3.
    @Test func tinyModelMatchesPyTorch() throws {
        let model = try AcousticModel(path: Self.fixtures.appendingPathComponent("tiny-model.safetensors").path)
        let reference = try Self.fixture("tiny-fixture.safetensors")
        let features = try #require(reference.tensors["features"])
        let expected = try #require(reference.tensors["log_probs"])
        let posteriors = model.logProbabilities(features: features.values, frames: features.shape[0])
        #expect([posteriors.frames, posteriors.vocabularySize] == expected.shape)
        let worst = zip(posteriors.values, expected.values).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-3, "max |swift − torch| = \(worst)")
    }

    /// Two threads compute the same numbers as one.
    @Test func threadsDoNotChangeResults() throws {
        let path = Self.fixtures.appendingPathComponent("tiny-model.safetensors").path
        let features = try #require(try Self.fixture("tiny-fixture.safetensors").tensors["features"])
        let one = try AcousticModel(path: path, threads: 1).logProbabilities(features: features.values, frames: features.shape[0])
        let two = try AcousticModel(path: path, threads: 2).logProbabilities(features: features.values, frames: features.shape[0])
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
            #expect(model.logProbabilities(features: [Float](repeating: -5, count: frames * 80), frames: frames).frames == 0)
        }
        #expect(model.logProbabilities(features: [Float](repeating: -5, count: 7 * 80), frames: 7).frames == 1)
    }
}
