import Catalog
import Checkpoints
import Foundation
import Insight
import ModelLookup
import Report
import Reviews

/// `reviews`: the products' reviews (`<name>.reviews.csv`, 1–5 stars) through the review sentiment
/// model (`Reviews.ReviewAnalyzer`, the same code as `liveinsight reviews`) into `reviews.json`, the
/// dashboard's `ReviewDigest`: per product and topic sentiment 0–5 and mean stars, word-cloud words. The
/// negative-review spikes it raises go to `review-alerts.json`, and from there to the catalog (the dashboard's
/// `/alerts`) and, new ones only, to the settings' alert webhook.
struct ReviewsStage: Stage, CatalogFigures {
    let name = "reviews"
    // 2: review-alerts.json; 3: word clouds from clauses of one polarity, with lemmas (old clouds are recomputed);
    // 4: reviews.json holds the review model's own result types.
    let version = "4"
    let models: [ModelRole] = [.review]
    let inputs: [StageInput] = [.user(.reviews, required: true), .user(.metadata, required: false)]
    let outputs = [CheckpointFile.reviews.name, CheckpointFile.reviewAlerts.name]

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
        let names =
            try context.userInput(.metadata).map(BroadcastMetadata.load)?.products
            .reduce(into: [String: String]()) { $0[$1.id] = $1.name } ?? [:]
        let clouds = Dictionary(analysis.wordClouds.map { ($0.productID, $0) }, uniquingKeysWith: { a, _ in a })
        let digest = ReviewDigest(
            products: analysis.products.map { score in
                let words =
                    clouds[score.productID]
                    ?? WordCloudWords(productID: score.productID, positive: [], negative: [])
                return ReviewDigest.Product(name: names[score.productID], score: score, words: words)
            })
        try CheckpointJSON.write(digest, to: context.path(CheckpointFile.reviews.name))
        try CheckpointJSON.write(analysis.alerts, to: context.path(CheckpointFile.reviewAlerts.name))
    }

    /// Always nil, so the alerts are offered to the catalog after every reuse too: recording is idempotent
    /// (one row per stage key and position), and only alerts the catalog did not have are posted.
    func recordedKey(broadcast: String, in catalog: Catalog) throws(PipelineError) -> String? { nil }

    func recordFigures(_ context: StageContext, key: String, in catalog: Catalog) throws(PipelineError) {
        let alerts = try CheckpointJSON.read([ReviewAlert].self, from: context.path(CheckpointFile.reviewAlerts.name))
        let added: [ReviewAlert]
        do {
            added = try catalog.recordAlerts(
                alerts, broadcast: context.broadcastID,
                source: "reviews:\(context.broadcastID):\(key)", now: Date())
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .catalog(path: catalog.path, detail: "\(error)")
        }
        for alert in added { context.settings.alertSender?.send(AlertMessage(alert: alert)) }
    }
}
