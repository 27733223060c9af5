import Foundation
import Testing

/// Paths to committed fixtures and scratch files for the loader tests.
enum FixturePaths {
    /// The path of `Fixtures/formats/<name>`.
    static func format(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent("formats").appendingPathComponent(name).path
    }

    /// Writes `contents` (raw bytes) to a new file called `name` in a fresh temporary folder and returns its path.
    static func scratch(_ name: String, bytes contents: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "validation-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url.path
    }

    /// Writes UTF-8 `text` to a scratch file called `name`.
    static func scratch(_ name: String, _ text: String) throws -> String {
        try scratch(name, bytes: Array(text.utf8))
    }
}
