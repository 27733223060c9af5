import Foundation
import Testing

@testable import Acoustic

/// What a caller can read from a model file's header without loading the weights.
struct HeaderConfigurationTests {
    /// The header's configuration and digests are those of the loaded model.
    @Test func headerMatchesTheLoadedModel() throws {
        let path = ModelFileErrorTests.tinyModel
        let model = try AcousticModel(path: path)
        #expect(try AcousticModel.configuration(path: path) == model.configuration)
        #expect(try AcousticModel.recordedDigest(path: path) == model.digest)
        let languageModel = path.replacingOccurrences(of: ".safetensors", with: ".lm.safetensors")
        let loaded = try NgramLanguageModel(path: languageModel)
        #expect(try NgramLanguageModel.recordedDigest(path: languageModel) == loaded.digest)
        #expect(!loaded.digest.isEmpty)
    }
}
