import Foundation
import TextDecoding

/// Streams reviews from a CSV or JSONL file (JSONL when the name ends in `.jsonl` or `.ndjson`), one at a
/// time (``TextDecoding/DelimitedRecordStream``: one row in memory at a time), so million-row files are fine.
///
/// Columns (CSV header or JSON keys, case-insensitive): `product_id`, `rating`, `text` required;
/// `review_id` (or `id`) and `date` optional. Rows that cannot be used (empty text, no product, invalid
/// UTF-8, longer than `maxReviewBytes`, too few fields) are skipped with a warning naming the line; a rating
/// that is missing, not a number or outside `ratingRange` is dropped with a warning and the review kept.
/// A missing required column throws `ReviewsError.missingColumns`.
public struct ReviewReader {
    /// Reading options; defaults suit the 1–5 star CSV exports of Korean shopping sites.
    public struct Options: Sendable {
        /// The valid star range of the file (default 1…5).
        public var ratingRange: ClosedRange<Double> = 1...5
        /// Longest review row accepted, in bytes (default 1 MiB); longer rows are skipped with a warning.
        public var maxReviewBytes = 1 << 20
        /// Defaults.
        public init() {}
    }

    private enum Source {
        case csv(DelimitedRecordStream, columns: Columns)
        case jsonl(DelimitedRecordStream)
    }

    private struct Columns {
        var reviewID: Int?, productID: Int, rating: Int, text: Int, date: Int?
        var count: Int
    }

    /// The file being read.
    public let path: String
    private let options: Options
    private var source: Source
    private let onWarning: (ReviewWarning) -> Void

    static let aliases: [String: String] = [
        "id": "review_id", "product": "product_id", "stars": "rating", "review": "text", "content": "text",
    ]

    /// Opens `path` and reads the header; `onWarning` hears about every skipped row or dropped field.
    public init(
        path: String, options: Options = Options(), onWarning: @escaping (ReviewWarning) -> Void = { _ in }
    ) throws(ReviewsError) {
        (self.path, self.options, self.onWarning) = (path, options, onWarning)
        let lower = path.lowercased()
        let lines = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
        var records: DelimitedRecordStream
        do {
            records = try DelimitedRecordStream(path: path, quoting: !lines)
        } catch {
            if case .unreadable(let detail) = error { throw .unreadable(path: path, detail: detail) }
            throw .unreadable(path: path, detail: error.reason)
        }
        if lines {
            source = .jsonl(records)
            return
        }
        guard let header = records.next() else { throw .emptyFile(path: path) }
        if let bad = header.undecodable.sorted(by: { $0.key < $1.key }).first {
            throw .headerNotUTF8(path: path, hint: Self.guessEncoding(bad.value))
        }
        let names = header.fields.map { field in
            let name = field.trimmingCharacters(in: .whitespaces).lowercased()
            return Self.aliases[name] ?? name
        }
        func index(_ name: String) -> Int? { names.firstIndex(of: name) }
        let missing = ["product_id", "rating", "text"].filter { index($0) == nil }
        guard missing.isEmpty, let product = index("product_id"), let rating = index("rating"), let text = index("text")
        else {
            throw .missingColumns(path: path, missing: missing, found: names)
        }
        source = .csv(
            records,
            columns: Columns(
                reviewID: index("review_id"), productID: product, rating: rating,
                text: text, date: index("date"), count: names.count))
    }

    /// Reviews returned so far.
    public private(set) var reviewsRead = 0
    /// Rows skipped so far, each with a warning.
    public private(set) var rowsSkipped = 0

    /// The next usable review, or nil at the end of the file.
    public mutating func next() -> Review? {
        while true {
            let review: Review?
            switch source {
            case .csv(var records, let columns):
                let record = records.next()
                source = .csv(records, columns: columns)
                guard let record else { return nil }
                review = self.review(fromCSV: record, columns: columns)
            case .jsonl(var records):
                let record = records.next()
                source = .jsonl(records)
                guard let record else { return nil }
                review = self.review(fromJSONLine: record)
            }
            if let review {
                reviewsRead += 1
                return review
            }
            rowsSkipped += 1
        }
    }

    /// Throws when the file had rows but not one could be used (all skipped: another encoding or format),
    /// so that "0 reviews" is never reported as a success. Call after the last ``next()``.
    public func requireAnyReview() throws(ReviewsError) {
        if reviewsRead == 0 && rowsSkipped > 0 { throw .noUsableReviews(path: path, skipped: rowsSkipped) }
    }

    private func warn(_ line: Int, _ message: String) {
        onWarning(ReviewWarning(path: path, line: line, message: message))
    }

    private func review(fromCSV record: DelimitedRecords.Record, columns: Columns) -> Review? {
        let size = Self.byteCount(record)
        guard size <= options.maxReviewBytes else {
            warn(
                record.line,
                "the row is \(Self.size(size)), over the \(Self.size(options.maxReviewBytes)) limit; skipped")
            return nil
        }
        guard !record.quoteNeverClosed else {
            warn(
                record.line,
                "a quote opened in this row is never closed, so the rest of the file (\(record.lineCount) "
                    + "line(s)) was read as one field; skipped — check the quoting")
            return nil
        }
        let needed = max(columns.productID, columns.rating, columns.text)
        guard record.fields.count > needed else {
            warn(
                record.line,
                "\(record.fields.count) field(s), the header has \(columns.count); skipped (is a quote unbalanced?)")
            return nil
        }
        if let (position, bytes) = record.undecodable.min(by: { $0.key < $1.key }) {
            warn(
                record.line,
                "field \(position + 1) is not valid UTF-8 (\(Self.guessEncoding(bytes))); "
                    + "skipped — save the file as UTF-8"
            )
            return nil
        }
        let strings = record.fields
        func optional(_ index: Int?) -> String? {
            guard let index, index < strings.count else { return nil }
            let value = strings[index].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return validated(
            line: record.line, reviewID: optional(columns.reviewID), productID: optional(columns.productID),
            rating: optional(columns.rating), text: strings[columns.text], date: optional(columns.date))
    }

    private func review(fromJSONLine record: DelimitedRecords.Record) -> Review? {
        let size = Self.byteCount(record)
        guard size <= options.maxReviewBytes else {
            warn(
                record.line,
                "the line is \(Self.size(size)), over the \(Self.size(options.maxReviewBytes)) limit; skipped")
            return nil
        }
        if let bytes = record.undecodable.values.first {
            warn(record.line, "not valid UTF-8 (\(Self.guessEncoding(bytes))); skipped — save the file as UTF-8")
            return nil
        }
        let line = record.fields.joined(separator: "\0")
        guard let raw = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            warn(record.line, "not a JSON object; skipped")
            return nil
        }
        var object: [String: Any] = [:]
        for (key, value) in raw {
            let name = key.lowercased()
            object[Self.aliases[name] ?? name] = value
        }
        func string(_ key: String) -> String? {
            switch object[key] {
            case let value as String: value.isEmpty ? nil : value
            case let value as NSNumber: value.stringValue
            default: nil
            }
        }
        guard let text = object["text"] as? String else {
            warn(record.line, "no \"text\" string; skipped")
            return nil
        }
        return validated(
            line: record.line, reviewID: string("review_id"), productID: string("product_id"),
            rating: string("rating"), text: text, date: string("date"))
    }

    private func validated(
        line: Int, reviewID: String?, productID: String?, rating: String?, text: String, date: String?
    ) -> Review? {
        guard let productID else {
            warn(line, "empty product_id; skipped")
            return nil
        }
        guard !ReviewText.normalize(text).isEmpty else {
            warn(line, "empty review text; skipped")
            return nil
        }
        var stars: Double?
        if let rating {
            if let value = Double(rating), value.isFinite, options.ratingRange.contains(value) {
                stars = value
            } else {
                let range =
                    "\(Self.number(options.ratingRange.lowerBound))–\(Self.number(options.ratingRange.upperBound))"
                warn(
                    line,
                    "rating '\(rating.prefix(20))' is not a number in \(range); the review is kept without a rating")
            }
        } else {
            warn(line, "no rating; the review is kept without one")
        }
        return Review(reviewID: reviewID, productID: productID, rating: stars, text: text, date: date, line: line)
    }

    /// A hint for bytes that are not UTF-8: Korean files saved by Excel are usually CP949 (EUC-KR).
    static func guessEncoding(_ bytes: [UInt8]) -> String {
        bytes.contains { (0xB0...0xC8).contains($0) }
            ? "looks like CP949/EUC-KR: convert with iconv -f CP949 -t UTF-8" : "unknown encoding"
    }

    /// The bytes a record takes in the file as read (its fields and separators; quotes not counted).
    static func byteCount(_ record: DelimitedRecords.Record) -> Int {
        record.fields.enumerated().reduce(record.fields.count - 1) { total, field in
            total + (record.undecodable[field.offset]?.count ?? field.element.utf8.count)
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) : "\(bytes) bytes"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
