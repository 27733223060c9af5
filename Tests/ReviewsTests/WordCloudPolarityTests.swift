import Foundation
import Testing

@testable import Reviews

/// Word clouds keep each word on the side of the sentences it occurs in.
struct WordCloudPolarityTests {
    /// The shared labelled corpus (`../shared/data/reviews/`, never committed), when this machine has it.
    static let corpus = Support.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/data/reviews/nsmc_reviews.tsv.gz")

    /// On the demo reviews the words the issue found on the wrong side stay off it: 편하다 (편해요) is no
    /// negative word of the knife set, and 보풀, 따가운, 녹 and 늦다 are no product's praise.
    @Test func demoWordsKeepTheirSide() throws {
        let clouds = try ReviewAnalyzerTests.analyse().analysis.wordClouds
        let knives = try #require(clouds.first { $0.productID == "P003" })
        #expect(!knives.negative.contains { $0.word == "편하다" })
        #expect(knives.negative.contains { $0.word == "불편하다" })
        for cloud in clouds {
            let praised = Set(cloud.positive.map(\.word))
            #expect(praised.isDisjoint(with: ["보풀", "따가운", "녹", "늦다", "늦었다", "늦었어요", "친절하게"]), "\(cloud.productID)")
        }
        let knit = try #require(clouds.first { $0.productID == "P001" })
        #expect(knit.negative.contains { $0.word == "따가운" })
    }

    /// On a balanced labelled sample of the corpus's test split (1,500 reviews rated 1–4, 1,500 rated 9–10,
    /// the stars withheld so the model alone decides), a cloud word is placed right when most labelled
    /// reviews that contain it carry that side's label. Measured: 70 of the 80 words (precision 0.875);
    /// the test asks for 0.8.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path)))
    func labelledSamplePrecision() throws {
        let sample = try Self.balancedSample(perSide: 1500)
        var analyzer = ReviewAnalyzer(model: try Support.model())
        let content = ContentWords(topics: .commerceDefaults)
        var labelsByWord: [String: (positive: Int, negative: Int)] = [:]
        for (index, (text, positive)) in sample.enumerated() {
            _ = analyzer.add(Review(reviewID: "\(index)", productID: "nsmc", rating: nil, text: text))
            for word in Set(content.words(of: ReviewText.normalize(text))) {
                if positive {
                    labelsByWord[word, default: (0, 0)].positive += 1
                } else {
                    labelsByWord[word, default: (0, 0)].negative += 1
                }
            }
        }
        let cloud = try #require(analyzer.analysis.wordClouds.first)
        let labels = { (word: WeightedWord) in labelsByWord[word.word] ?? (0, 0) }
        let right =
            cloud.positive.filter { labels($0).positive > labels($0).negative }.count
            + cloud.negative.filter { labels($0).negative > labels($0).positive }.count
        let placed = cloud.positive.count + cloud.negative.count
        let precision = Double(right) / Double(placed)
        print("word-cloud precision on the labelled sample: \(right)/\(placed) = \(precision)")
        #expect(cloud.positive.count == 40 && cloud.negative.count == 40)
        #expect(precision >= 0.8)
    }

    /// The first `perSide` test-split reviews rated 1–4 and the first rated 9–10 (NSMC's binary convention).
    static func balancedSample(perSide: Int) throws -> [(text: String, positive: Bool)] {
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gunzip.arguments = ["-c", "gzip -dc '\(corpus.path)' | awk -F'\\t' '$6 == \"test\"' | head -n 40000"]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        try gunzip.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        var positives: [(String, Bool)] = [], negatives: [(String, Bool)] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 6, let rating = Int(fields[3]) else { continue }
            if rating >= 9, positives.count < perSide { positives.append((String(fields[4]), true)) }
            if rating <= 4, negatives.count < perSide { negatives.append((String(fields[4]), false)) }
        }
        return zip(positives, negatives).flatMap { [$0, $1] }
    }
}
