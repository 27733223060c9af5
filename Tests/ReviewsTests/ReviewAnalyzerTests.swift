import Foundation
import Testing

@testable import Reviews

/// The whole stage on the bundled demo reviews.
struct ReviewAnalyzerTests {
    static func analyse(
        _ options: ReviewAnalyzer.Options = .init()
    ) throws -> (results: [ReviewResult], analysis: ReviewAnalysis) {
        var analyzer = ReviewAnalyzer(model: try Support.model(), options: options)
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

    /// The model's verdicts track the stars. (It learnt from movie reviews: it separates 5-star from 1–2-star
    /// product reviews clearly on average, but calls many factual complaints positive; see the model card.)
    @Test func sentimentTracksStars() throws {
        let (results, _) = try Self.analyse()
        func mean(_ stars: Set<Double>, _ value: (ReviewResult) -> Double) -> Double {
            let chosen = results.filter { stars.contains($0.rating ?? 0) }
            return chosen.map(value).reduce(0, +) / Double(chosen.count)
        }
        #expect(mean([5], \.probability) - mean([1, 2], \.probability) > 0.2)
        #expect(mean([5], \.sentiment) - mean([1, 2], \.sentiment) > 0.7)
        let fives = results.filter { $0.rating == 5 }
        #expect(Double(fives.filter(\.positive).count) / Double(fives.count) > 0.85)
    }

    /// A streak of plainly negative reviews about delivery raises one alert that quotes them, after the
    /// positive ones before it; other topics stay quiet.
    @Test func negativeStreakRaisesAlert() throws {
        var analyzer = ReviewAnalyzer(model: try Support.model())
        let texts = [
            "배송 빠르고 좋아요 최고예요", "배송이 빨라서 너무 만족해요", "빠른 배송 감사합니다 최고", "배송 빨라요 추천합니다",
            "배송 최악이에요 실망했어요", "배송 너무 늦어요 최악", "배송이 엉망이에요 다시는 안 사요", "배송 최악 짜증나요",
        ]
        // Negative share of 배송 after D4…D7: 1/5, 2/6, 3/7, 4/8 — the first time 8 are in the window: fires.
        var alerts: [ReviewAlert] = []
        for (index, text) in texts.enumerated() {
            _ = analyzer.add(Review(reviewID: "D\(index)", productID: "P9", rating: nil, text: text, line: index + 2)) {
                alerts.append($0)
            }
        }
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        #expect(alert.topic == "배송" && alert.productID == "P9")
        #expect(alert.negativeShare == 0.5 && alert.windowReviews == 8)
        #expect(alert.reviews.allSatisfy { ["D4", "D5", "D6", "D7"].contains($0.reviewID ?? "") })
        #expect(analyzer.analysis.alerts == alerts)
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
