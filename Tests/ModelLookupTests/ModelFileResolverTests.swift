import Foundation
import ModelLookup
import Testing

/// The one lookup order for shipped models: flag, environment, beside the binary, the install prefix.
struct ModelFileResolverTests {
    let resolver = ModelFileResolver(fileName: "m.safetensors", environmentVariable: "TEST_MODEL")

    /// A fresh temporary folder with `files` (relative paths) created in it.
    private func layout(_ files: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "liveinsight-models-\(UUID().uuidString)")
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        return root
    }

    /// A checkout build (`.build/<triple>/debug/liveinsight`)
    /// finds the checkout's Models/, whatever the current folder.
    @Test func checkoutBuild() throws {
        let root = try layout([".build/x86_64-unknown-linux-gnu/debug/liveinsight", "Models/m.safetensors"])
        let binary = root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/liveinsight").path
        #expect(
            resolver.resolve(environment: [:], executable: binary)
                == root.appendingPathComponent("Models/m.safetensors").path)
    }

    /// An installed binary (`PREFIX/bin/liveinsight`) finds `PREFIX/share/liveinsight/models/`, also through a symlink.
    @Test func installedBinary() throws {
        let root = try layout(["prefix/bin/liveinsight", "prefix/share/liveinsight/models/m.safetensors"])
        let link = root.appendingPathComponent("elsewhere/liveinsight")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: root.appendingPathComponent("prefix/bin/liveinsight"))
        let expected = root.appendingPathComponent("prefix/share/liveinsight/models/m.safetensors").path
        #expect(
            resolver.resolve(environment: [:], executable: root.appendingPathComponent("prefix/bin/liveinsight").path)
                == expected)
        #expect(resolver.resolve(environment: [:], executable: link.path) == expected)
    }

    /// The flag beats the environment, which beats the files beside the binary; the prefix comes last.
    @Test func order() throws {
        let root = try layout(["bin/liveinsight", "Models/m.safetensors"])
        let binary = root.appendingPathComponent("bin/liveinsight").path
        #expect(resolver.resolve(explicit: "/flag", environment: ["TEST_MODEL": "/env"], executable: binary) == "/flag")
        #expect(resolver.resolve(environment: ["TEST_MODEL": "/env"], executable: binary) == "/env")
        let candidates = resolver.candidates(executable: binary)
        #expect(candidates.last == "/usr/local/share/liveinsight/models/m.safetensors")
        #expect(candidates.first == root.appendingPathComponent("bin/Models/m.safetensors").path)
        #expect(!candidates.contains(FileManager.default.currentDirectoryPath + "/Models/m.safetensors"))
    }
}
