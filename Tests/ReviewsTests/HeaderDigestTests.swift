import Foundation
import Testing

@testable import Reviews

/// The digest a pipeline key takes from the model file's header alone.
struct HeaderDigestTests {
    /// The header's digest is the one the loaded (and verified) model reports; a foreign file is refused.
    @Test func headerDigestIsTheModels() throws {
        let digest = try SentimentModel.recordedDigest(path: Support.shippedModelPath)
        #expect(digest == (try SentimentModel(path: Support.shippedModelPath)).dataSHA256)
        #expect(digest.count == 64)
        #expect(throws: ReviewsError.self) {
            try SentimentModel.recordedDigest(path: try Support.file("x.lisent", "hello world, not a model"))
        }
    }
}
