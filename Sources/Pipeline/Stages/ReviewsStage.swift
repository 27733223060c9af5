import Foundation
import Insight
import Report
import Reviews

/// `reviews`: the products' reviews (`<name>.reviews.csv`, 1–5 stars) through the review sentiment
/// model (`Reviews.ReviewAnalyzer`, the same code as `liveinsight reviews`) into `reviews.json`, the
/// dashboard's `ReviewDigest`: per product and topic sentiment 0–5 and mean stars, word-cloud words.
struct ReviewsStage: Stage {
    let name = "reviews"
    // 2: word clouds from clauses of one polarity, with lemmas (a workspace's old clouds are recomputed).
    let version = "2"
    let inputs: [StageInput] = [.user(.reviews, required: true), .user(.metadata, required: false)]
    static let fileName = "reviews.json"
    let outputs = [ReviewsStage.fileName]

    func parameters(_ settings: PipelineSettings) -> [String: String] {
        // The model file's path and size stand for its version (cheap: the key is computed on every run).
        let path = ReviewModelLocator.defaultPath()
        let size = path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int } ?? 0
        return ["model": "\(path ?? "none"):\(size)"]
    }

    func run(_ context: StageContext) throws {
        guard let reviewsPath = context.userInput(.reviews) else { return }
        guard let modelPath = ReviewModelLocator.defaultPath() else {
            throw PipelineError.io(path: "Models/\(ReviewModelLocator.shippedModelName)",
                                   detail: "no review sentiment model found (looked for \(ReviewModelLocator.resolver.searchedDescription)); "
                                       + "set \(ReviewModelLocator.environmentVariable)")
        }
        var analyzer = ReviewAnalyzer(model: try SentimentModel(path: modelPath))
        var reader = try ReviewReader(path: reviewsPath, options: ReviewReader.Options(), onWarning: { _ in })
        while let review = reader.next() { _ = analyzer.add(review) }
        try reader.requireAnyReview()
        let analysis = analyzer.analysis
        let names = try context.userInput(.metadata).map(BroadcastMetadata.load)?.products
            .reduce(into: [String: String]()) { $0[$1.id] = $1.name } ?? [:]
        let clouds = Dictionary(analysis.wordClouds.map { ($0.productID, $0) }, uniquingKeysWith: { a, _ in a })
        let digest = ReviewDigest(products: analysis.products.map { product in
            let cloud = clouds[product.productID]
            return ReviewDigest.Product(
                productID: product.productID, name: names[product.productID], reviews: product.reviews,
                sentiment: product.sentiment, meanRating: product.meanRating,
                topics: product.topics.map { .init(topic: $0.topic, sentences: $0.sentences, sentiment: $0.sentiment, meanRating: $0.meanRating) },
                positiveWords: cloud?.positive.map { .init(word: $0.word, count: $0.count, weight: $0.weight) } ?? [],
                negativeWords: cloud?.negative.map { .init(word: $0.word, count: $0.count, weight: $0.weight) } ?? [])
        })
        try CheckpointJSON.write(digest, to: context.path(Self.fileName))
    }
}
