import Foundation
import ModelLookup
import Testing

/// The one "not found" error and the companion rule of the model lookup.
struct ModelNotFoundTests {
    let resolver = ModelFileResolver(
        fileName: "absent.safetensors", environmentVariable: "TEST_ABSENT",
        role: "test model")

    /// A lookup that finds nothing throws `ModelNotFound`, which says where it looked and how to name a file.
    @Test func notFoundSaysWhereItLooked() throws {
        let binary = FileManager.default.temporaryDirectory
            .appendingPathComponent("lookup-\(UUID().uuidString)/bin/liveinsight").path
        #expect(throws: ModelNotFound(resolver: resolver)) {
            try resolver.require(environment: [:], executable: binary)
        }
        let message = ModelNotFound(resolver: resolver).description
        #expect(message.hasPrefix("no test model found (looked for $TEST_ABSENT, Models/absent.safetensors"))
        #expect(message.hasSuffix("): pass --model FILE or set TEST_ABSENT"))
        #expect(ModelNotFound(resolver: resolver, flag: nil).description.hasSuffix("): set TEST_ABSENT"))
        #expect(try resolver.require(explicit: "/given", environment: [:], executable: binary) == "/given")
    }

    /// A companion (the language model of an acoustic model) is found beside its model only.
    @Test func companionLiesBesideItsModel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("companion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let model = folder.appendingPathComponent("a.safetensors").path
        let companion = folder.appendingPathComponent("a.lm.safetensors").path
        #expect(ModelFileResolver.companion(of: model, suffix: ".lm.safetensors") == nil)
        try Data("x".utf8).write(to: URL(fileURLWithPath: companion))
        #expect(ModelFileResolver.companion(of: model, suffix: ".lm.safetensors") == companion)
        let other = folder.appendingPathComponent("b.safetensors").path
        #expect(ModelFileResolver.companion(of: other, suffix: ".lm.safetensors") == nil)
    }
}
