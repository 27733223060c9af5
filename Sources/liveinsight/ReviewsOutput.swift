import Formatting
import Foundation
import Hangul
import Reviews

/// `reviews --json`: streams one line per review as it is analysed, then the totals, so a million-row file
/// never sits in memory. Keys are snake_case (`review_id`, `product_id`, `positive_share`, …).
final class StreamingReviewJSON {
    private let encoder: JSONEncoder
    private var buffer = Data()
    private var first = true

    init() throws {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        buffer.append(contentsOf: Array("{\"reviews\": [\n".utf8))
    }

    /// Adds one review's line.
    func append(_ result: ReviewResult) throws {
        if !first { buffer.append(contentsOf: Array(",\n".utf8)) }
        first = false
        buffer.append(try encoder.encode(result))
        if buffer.count > 1 << 16 { flush() }
    }

    /// Writes the per-product/topic scores, word-cloud words, alerts and counts, and closes the object.
    /// `modelSHA256` identifies the weights that scored the reviews.
    func finish(_ analysis: ReviewAnalysis, warnings: Int, modelSHA256: String) throws {
        let summary = Summary(
            reviews: analysis.reviews, exactDuplicates: analysis.exactDuplicates,
            nearDuplicates: analysis.nearDuplicates, warnings: warnings, modelSha256: modelSHA256)
        buffer.append(contentsOf: Array("\n],\n\"products\": ".utf8))
        buffer.append(try encoder.encode(analysis.products))
        buffer.append(contentsOf: Array(",\n\"word_clouds\": ".utf8))
        buffer.append(try encoder.encode(analysis.wordClouds))
        buffer.append(contentsOf: Array(",\n\"alerts\": ".utf8))
        buffer.append(try encoder.encode(analysis.alerts))
        buffer.append(contentsOf: Array(",\n\"summary\": ".utf8))
        buffer.append(try encoder.encode(summary))
        buffer.append(contentsOf: Array("\n}\n".utf8))
        flush()
    }

    private func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private struct Summary: Encodable {
        let reviews: Int, exactDuplicates: Int, nearDuplicates: Int, warnings: Int, modelSha256: String
    }
}

/// `reviews` without `--json`: a table per product, topics with model sentiment and given stars side by side.
enum ReviewReport {
    static func text(_ analysis: ReviewAnalysis) -> String {
        var lines: [String] = []
        for product in analysis.products {
            lines.append(
                "\(product.productID): \(product.reviews) reviews, sentiment \(format(product.sentiment))/5, "
                    + "\(percent(product.positiveShare)) positive, "
                    + "stars \(stars(product.meanRating, product.ratedReviews))"
            )
            lines.append("  topic        sentences  reviews  sentiment  positive  stars")
            for topic in product.topics {
                lines.append(
                    "  " + pad(topic.topic, 12) + pad(String(topic.sentences), 11, right: true)
                        + pad(String(topic.reviews), 9, right: true) + pad(format(topic.sentiment), 11, right: true)
                        + pad(percent(topic.positiveShare), 10, right: true) + "  "
                        + stars(topic.meanRating, topic.ratedReviews))
            }
            if let cloud = analysis.wordClouds.first(where: { $0.productID == product.productID }) {
                lines.append("  + " + cloud.positive.prefix(8).map(\.word).joined(separator: ", "))
                lines.append("  − " + cloud.negative.prefix(8).map(\.word).joined(separator: ", "))
            }
            lines.append("")
        }
        for alert in analysis.alerts {
            lines.append(
                "ALERT \(alert.productID) \(alert.topic): \(percent(alert.negativeShare)) negative in the last "
                    + "\(alert.windowReviews) reviews "
                    + "(lines \(alert.reviews.map { String($0.line) }.joined(separator: ", ")))"
            )
        }
        lines.append(
            "\(analysis.reviews) reviews analysed; dropped \(analysis.exactDuplicates) exact and "
                + "\(analysis.nearDuplicates) near duplicates")
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
    private static func percent(_ value: Double) -> String { NumberText.percent(value, decimals: 0) }
    private static func stars(_ mean: Double?, _ count: Int) -> String {
        mean.map { String(format: "%.2f (%d rated)", $0, count) } ?? "–"
    }

    /// Padded to `width` terminal columns.
    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        DisplayWidth.padded(text, to: width, alignment: right ? .right : .left)
    }
}
