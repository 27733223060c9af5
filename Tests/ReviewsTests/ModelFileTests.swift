import Foundation
import Testing

@testable import Reviews

/// Loading the sentiment model file: checksum, and clear errors for broken files.
struct ModelFileTests {
    private func brokenCopy(_ edit: (inout [UInt8]) -> Void) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Support.shippedModelPath)))
        edit(&bytes)
        return try Support.file("model.lisent", bytes)
    }

    private func detail(_ path: String) -> String {
        do { _ = try SentimentModel(path: path); return "loaded" } catch { return error.description }
    }

    /// The shipped model loads with its checksum verified, and scores obvious cases the right way.
    @Test func shippedModelLoads() throws {
        let model = try SentimentModel(path: Support.shippedModelPath)
        #expect(model.score("정말 최고예요 강력 추천합니다").isPositive)
        #expect(!model.score("최악이에요 돈 아까워요 환불하고 싶어요").isPositive)
        #expect((0...5).contains(model.score("그냥 그래요").stars))
    }

    /// Missing, foreign, truncated and corrupted files are errors that name the file and the problem.
    @Test func brokenFiles() throws {
        #expect(
            detail("/no/model.lisent").contains(
                "/no/model.lisent: cannot use the review sentiment model (no such file)"))
        #expect(detail(try Support.file("x.lisent", "hello world, not a model")).contains("no LISENT1 magic"))
        #expect(detail(try brokenCopy { $0.removeLast($0.count - 100) }).contains("does not fit"))
        #expect(detail(try brokenCopy { $0[$0.count - 10] ^= 0xFF }).contains("corrupt: data SHA-256"))
        #expect(detail(try brokenCopy { $0.removeLast(1_000) }).contains("truncated: the data section has"))
    }
}
