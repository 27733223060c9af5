import Foundation

@testable import Reviews

/// Paths and helpers shared by the review tests.
enum Support {
    /// The repository root (for Models/ and AudioSamples/).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped model, loaded once (without the checksum, which `ModelFileTests` checks); a test that
    /// needs it fails with the loading error if it is missing.
    static func model() throws -> SentimentModel { try loaded.get() }
    private static let loaded = Result { () throws(ReviewsError) in
        try SentimentModel(path: shippedModelPath, verifyChecksum: false)
    }

    static let shippedModelPath = repository.appendingPathComponent("Models/review-sentiment.lisent").path
    static let demoReviews = repository.appendingPathComponent("AudioSamples/demo.reviews.csv").path

    /// A fixture file's URL.
    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)
            ?? repository.appendingPathComponent("Tests/ReviewsTests/Fixtures/\(name)")
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "liveinsight-reviews-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to a new temporary file named `name` and returns its path.
    static func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Writes UTF-8 `text` to a new temporary file named `name` and returns its path.
    static func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    /// Every review and warning of a file.
    static func readAll(
        _ path: String, options: ReviewReader.Options = .init()
    ) throws -> (reviews: [Review], warnings: [ReviewWarning]) {
        let warnings = WarningLog()
        var reader = try ReviewReader(path: path, options: options, onWarning: warnings.add)
        var reviews: [Review] = []
        while let review = reader.next() { reviews.append(review) }
        return (reviews, warnings.all)
    }
}

/// Collects warnings from a reader callback.
final class WarningLog {
    private(set) var all: [ReviewWarning] = []
    func add(_ warning: ReviewWarning) { all.append(warning) }
}
