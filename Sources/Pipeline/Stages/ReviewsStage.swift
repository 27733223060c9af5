import Checkpoints
import Foundation
import ModelLookup
import Insight
import Report
import Reviews

/// `reviews`: the products' reviews (`<name>.reviews.csv`, 1–5 stars) through the review sentiment
/// model (`Reviews.ReviewAnalyzer`, the same code as `liveinsight reviews`) into `reviews.json`, the
/// dashboard's `ReviewDigest`: per product and topic sentiment 0–5 and mean stars, word-cloud words.
struct ReviewsStage: Stage {
    let name = "reviews"
    let version = "1"
    let models: [ModelRole] = [.review]
    let inputs: [StageInput] = [.user(.reviews, required: true), .user(.metadata, required: false)]
    let outputs = [CheckpointFile.reviews.name]

    func run(_ context: StageContext) throws {
        guard let reviewsPath = context.userInput(.reviews) else { return }
        guard let model = context.models.review else {
            throw ModelNotFound(resolver: ReviewModelLocator.resolver, flag: nil)
        }
        var analyzer = ReviewAnalyzer(model: try model.model())
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
        try CheckpointJSON.write(digest, to: context.path(CheckpointFile.reviews.name))
    }
}
