import Foundation

@testable import Insight

/// Files and fixtures shared by the Insight tests.
enum Scratch {
    static func file(_ name: String, _ contents: String) throws -> String {
        try file(name, Data(contents.utf8))
    }

    static func file(_ name: String, _ data: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insight-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    static func mention(_ keyword: String, topic: String = "t", at time: Double) -> Mention {
        Mention(
            keyword: keyword, topic: topic, time: time, end: time + 0.5, confidence: 1, source: .transcript, ment: "")
    }
}
