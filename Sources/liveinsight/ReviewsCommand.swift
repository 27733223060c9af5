import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import ModelLookup
import Reviews

extension LiveInsight {
    /// `liveinsight reviews <reviews.csv>`: per-product and per-topic sentiment, word clouds, alerts.
    struct Reviews: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Analyse product reviews: sentiment per product and topic, word clouds, negative-review alerts.",
            discussion: """
                Reads a CSV (or .jsonl) with product_id, rating and text columns (review_id and date optional), \
                streaming, so files of millions of rows are fine. Duplicates are dropped, each review and each \
                sentence is scored by the review sentiment model (pure Swift), sentences are assigned to topics \
                (가격, 품질, 배송, 디자인, 사이즈, …; --topics to change them). Rows that cannot be used are \
                skipped with a warning naming the line.
                """)

        @Argument(help: "Reviews file: CSV with a header, or JSON lines (.jsonl).")
        var reviews: String

        @Option(help: "Only this product's reviews.")
        var product: String?

        @Flag(help: "Print JSON: every review (review_id, positive, probability, …) and the per-product/topic scores.")
        var json = false

        @Option(
            help: "Topic dictionary file ('topic = keyword, prefix*, …' per line); default: built-in commerce topics.")
        var topics: String?

        @Option(
            help: ArgumentHelp(
                "Review sentiment model (default: $\(ReviewModelLocator.environmentVariable) or "
                    + "Models/\(ReviewModelLocator.shippedModelName)).")
        )
        var model: String?

        @Option(help: "Highest star rating of the file's scale (ratings run 1…this).")
        var ratingMax = 5.0

        @Option(help: "Write word-cloud SVGs (<product>.positive.svg, <product>.negative.svg) into this folder.")
        var wordClouds: String?

        @Option(help: "POST alerts (Slack-webhook JSON) to this URL.")
        var alertURL: String?

        @Option(help: "Negative share of a topic's recent reviews that raises an alert.")
        var alertThreshold = AlertPolicy().threshold

        @Option(help: "Recent reviews per product and topic that the share is taken over.")
        var alertWindow = AlertPolicy().window

        @Option(help: "Reviews needed in the window before an alert can fire.")
        var alertMinimum = AlertPolicy().minimumReviews

        func validate() throws {
            guard ratingMax > 1 else { throw ValidationError("--rating-max must be above 1") }
            guard (0..<1).contains(alertThreshold) else { throw ValidationError("--alert-threshold must be in 0..<1") }
            guard alertWindow >= 1, alertMinimum >= 1 else {
                throw ValidationError("--alert-window and --alert-minimum must be at least 1")
            }
            if let alertURL {
                guard let url = URL(string: alertURL), ["http", "https"].contains(url.scheme ?? "") else {
                    throw ValidationError("--alert-url must be an http(s) URL")
                }
            }
        }

        @Option(help: "Also record the alerts in this workspace's catalog, for the dashboard's /alerts page.")
        var workspace: String?

        func run() throws {
            let modelPath = try ReviewModelLocator.resolver.require(explicit: model)
            var options = ReviewAnalyzer.Options()
            if let topics { options.topics = try TopicDictionary(contentsOf: topics) }
            options.alertPolicy = AlertPolicy(
                threshold: alertThreshold, window: alertWindow, minimumReviews: alertMinimum)
            options.productID = product
            options.ratingRange = 1...ratingMax
            let sentimentModel = try SentimentModel(path: modelPath)
            var analyzer = ReviewAnalyzer(model: sentimentModel, options: options)
            let sender = alertURL.flatMap(URL.init(string:)).map { WebhookSender(url: $0) }

            var readerOptions = ReviewReader.Options()
            readerOptions.ratingRange = 1...ratingMax
            let warnings = WarningPrinter()
            var reader = try ReviewReader(path: reviews, options: readerOptions, onWarning: warnings.print)
            let output = json ? try StreamingReviewJSON() : nil
            while let review = reader.next() {
                guard let result = analyzer.add(review, onAlert: { sender?.send(AlertMessage(alert: $0)) }) else {
                    continue
                }
                try output?.append(result)
            }
            warnings.finish()
            try reader.requireAnyReview()
            let analysis = analyzer.analysis
            if let wordClouds { try writeWordClouds(analysis.wordClouds, to: wordClouds) }
            if let output {
                try output.finish(analysis, warnings: warnings.count, modelSHA256: sentimentModel.dataSHA256)
            } else {
                print(ReviewReport.text(analysis))
            }
            if let workspace { try recordAlerts(analysis.alerts, workspace: workspace) }
            if let sender { reportDeliveries(sender, expected: analysis.alerts.count) }
        }

        /// Writes every cloud, or none: the set appears whole (``AtomicFile/writeAll(_:into:)``), named by
        /// ``WordCloudSVG/fileName(product:tone:)``, never by the raw product id.
        private func writeWordClouds(_ clouds: [WordCloudWords], to folder: String) throws {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
                throw CLIError("\(folder): --word-clouds needs a folder, and this is a file")
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError(
                    "\(folder): cannot create the word-cloud folder "
                        + "(\((error as NSError).localizedFailureReason ?? "permission denied"))"
                )
            }
            let layout = WordCloudLayout()
            var files: [(name: String, data: Data)] = []
            for words in clouds {
                let product = words.productID
                for (tone, list) in [(WordCloudSVG.Tone.positive, words.positive), (.negative, words.negative)] {
                    let svg = WordCloudSVG.render(
                        layout.layout(list), layout: layout, tone: tone,
                        title: "\(product) \(tone.rawValue) review words")
                    files.append((WordCloudSVG.fileName(product: product, tone: tone), Data(svg.utf8)))
                }
            }
            try AtomicFile.writeAll(files, into: folder)
        }

        /// Records `alerts` in the workspace catalog; the same file analysed again (same path and modification
        /// time) adds nothing twice.
        private func recordAlerts(_ alerts: [ReviewAlert], workspace: String) throws {
            let attributes = try? FileManager.default.attributesOfItem(atPath: reviews)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let source = "file:" + URL(fileURLWithPath: reviews).standardizedFileURL.path + ":\(modified)"
            try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
            let catalog = try Catalog(path: Workspace(root: workspace).catalogPath)
            let added = try catalog.recordAlerts(alerts, broadcast: nil, source: source, now: Date())
            FileHandle.standardError.write(Data("\(added.count) new alert(s) recorded in \(catalog.path)\n".utf8))
        }

        /// Waits a bounded time for alerts still in flight (the analysis itself never waited for them).
        private func reportDeliveries(_ sender: WebhookSender, expected: Int) {
            guard expected > 0 else { return }
            if !sender.waitUntilFinished(timeout: 30) {
                FileHandle.standardError.write(Data("warning: some alerts were still being retried at exit\n".utf8))
            }
            for case .failed(let attempts, let reason) in sender.outcomes {
                FileHandle.standardError.write(
                    Data("warning: an alert to \(sender.url) failed after \(attempts) attempts (\(reason))\n".utf8))
            }
        }
    }
}

/// Prints reading warnings to stderr as they happen, the first `limit` in full, then only a count.
private final class WarningPrinter {
    private(set) var count = 0
    private let limit = 20

    func print(_ warning: ReviewWarning) {
        count += 1
        if count <= limit { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
    }

    func finish() {
        if count > limit {
            FileHandle.standardError.write(Data("warning: \(count - limit) more warning(s) not shown\n".utf8))
        }
    }
}
