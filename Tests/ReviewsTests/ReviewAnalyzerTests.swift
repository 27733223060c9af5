import Foundation
import Testing
@testable import Reviews

/// The whole stage on the bundled demo reviews.
struct ReviewAnalyzerTests {
    static func analyse(_ options: ReviewAnalyzer.Options = .init()) throws -> (results: [ReviewResult], analysis: ReviewAnalysis) {
        var analyzer = ReviewAnalyzer(model: Support.model, options: options)
        var reader = try ReviewReader(path: Support.demoReviews)
        var results: [ReviewResult] = []
        while let review = reader.next() {
            if let result = analyzer.add(review) { results.append(result) }
        }
        return (results, analyzer.analysis)
    }

    /// Duplicates are dropped (one exact, two near) and every other review gets a result with its id.
    @Test func dropsDuplicates() throws {
        let (results, analysis) = try Self.analyse()
        #expect(analysis.exactDuplicates == 1 && analysis.nearDuplicates == 2)
        #expect(results.count == 172 && analysis.reviews == 172)
        #expect(!results.contains { ["R0018", "R0250", "R0325"].contains($0.reviewID) })
    }

    /// Product and topic figures agree with the reviews behind them: counts, mean stars, 0–5 sentiment.
    @Test func scoresAreConsistent() throws {
        let (results, analysis) = try Self.analyse()
        #expect(analysis.products.map(\.productID) == ["P001", "P002", "P003", "P004"])
        for product in analysis.products {
            let own = results.filter { $0.productID == product.productID }
            #expect(product.reviews == own.count)
            let ratings = own.compactMap(\.rating)
            #expect(abs((product.meanRating ?? 0) - ratings.reduce(0, +) / Double(ratings.count)) < 1e-9)
            for topic in product.topics {
                let mentioning = own.filter { $0.topics.contains(topic.topic) }
                #expect(topic.reviews == mentioning.count)
                let stars = mentioning.compactMap(\.rating)
                #expect(abs((topic.meanRating ?? 0) - stars.reduce(0, +) / Double(stars.count)) < 1e-9)
                #expect((0...5).contains(topic.sentiment) && topic.sentences >= topic.reviews)
            }
        }
    }

    /// The model's verdicts track the stars: most 5-star reviews positive, most 1-star ones negative.
    @Test func sentimentTracksStars() throws {
        let (results, _) = try Self.analyse()
        let fives = results.filter { $0.rating == 5 }, ones = results.filter { $0.rating == 1 }
        #expect(Double(fives.filter(\.positive).count) / Double(fives.count) > 0.8)
        #expect(Double(ones.filter { !$0.positive }.count) / Double(ones.count) > 0.8)
    }

    /// The streak of 트러블 complaints on P002 raises an alert on 효과 that quotes those reviews.
    @Test func troubleStreakRaisesAlert() throws {
        let (_, analysis) = try Self.analyse()
        let alert = try #require(analysis.alerts.first { $0.productID == "P002" && $0.topic == "효과" })
        #expect(alert.negativeShare > 0.4)
        #expect(alert.reviews.contains { $0.reviewID == "R0137" })
    }

    /// `productID` keeps one product's reviews only.
    @Test func productFilter() throws {
        var options = ReviewAnalyzer.Options()
        options.productID = "P004"
        let (results, analysis) = try Self.analyse(options)
        #expect(Set(results.map(\.productID)) == ["P004"])
        #expect(analysis.products.map(\.productID) == ["P004"])
    }
}
