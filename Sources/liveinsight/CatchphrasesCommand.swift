import ArgumentParser
import Catalog
import Catchphrases
import Checkpoints
import Foundation
import Pipeline
import Reviews

extension LiveInsight {
    /// `liveinsight catchphrases`: sales lines for the next show from a review file, stored for the dashboard.
    struct CatchphrasesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catchphrases",
            abstract: "Suggest sales lines from the review topics a product scores well on (offline).",
            discussion: """
                A topic qualifies with at least \(CatchphrasePolicy().minimumReviews) reviews, \
                \(Int(CatchphrasePolicy().minimumPositiveShare * 100)) % positive sentences and a score of \
                \(CatchphrasePolicy().minimumScore)/5 or more. The lines replace the product's earlier suggestions \
                in the workspace catalog (approved and rejected ones stay); approve, edit or reject them on the \
                dashboard's /catchphrases page and export the approved ones as a keyword list for the next show.
                """)

        @OptionGroup var workspace: WorkspaceOption

        @Option(help: "Review file (CSV/TSV with product_id, rating, text), as `liveinsight reviews` reads.")
        var reviews: String

        @Option(help: "Only this product.")
        var product: String?

        @Option(help: "Sentiment model (default: the shipped one).")
        var model: String?

        func run() throws {
            let modelPath = try ReviewModelLocator.resolver.require(explicit: model)
            let generator = CatchphraseGenerator(model: try SentimentModel(path: modelPath))
            var reader = try ReviewReader(path: reviews)
            var all: [Review] = []
            while let review = reader.next() { all.append(review) }
            try reader.requireAnyReview()
            let catalog = try workspace.openCatalog()
            let products = product.map { [$0] } ?? Array(Set(all.map(\.productID))).sorted()
            for id in products {
                let (lines, verdicts) = generator.suggest(product: id, reviews: all)
                try catalog.replaceSuggestions(lines, product: id, now: Date())
                print("\(id): \(lines.count) line(s)")
                for line in lines { print("  [\(line.topic)] \(line.line)") }
                for verdict in verdicts {
                    if let reason = verdict.rejected {
                        print(
                            "  skipped \(verdict.topic): \(reason.rawValue) (\(verdict.reviews) reviews, "
                                + "\(Int((verdict.positiveShare * 100).rounded())) % positive, "
                                + "score \(String(format: "%.1f", verdict.score))/5)"
                        )
                    }
                }
            }
        }
    }
}
