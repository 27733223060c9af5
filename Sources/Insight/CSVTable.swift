import Foundation
import TextDecoding

/// A CSV file with a header row, as the insight inputs (keyword lists, event logs) are read: records from
/// `TextDecoding.DelimitedRecords` (quoted fields, line numbers), blank and `#` comment lines skipped.
/// Reads UTF-8 (with or without BOM), UTF-16 and CP949 (``TextDecoder``); other bytes are refused with the
/// line where decoding fails.
struct CSVTable {
    typealias Row = DelimitedRecords.Record

    let path: String
    /// The first row's names, trimmed and lower-cased.
    let header: [String]
    /// The first row as written (a file without a header starts with data).
    let firstRow: Row?
    let rows: [Row]

    init(path: String) throws(InsightError) {
        try self.init(text: try InsightError.readText(path: path), path: path)
    }

    init(data: Data, path: String) throws(InsightError) {
        try self.init(text: try InsightError.decodeText(data, path: path), path: path)
    }

    private init(text: String, path: String) throws(InsightError) {
        self.path = path
        var records = DelimitedRecords.parse(text)
        records.removeAll {
            $0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
                || $0.fields.first?.hasPrefix("#") == true
        }
        firstRow = records.first
        header = records.first?.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? []
        rows = Array(records.dropFirst())
    }

    /// Index of the first column whose name is one of `names`.
    func column(_ names: String...) -> Int? {
        header.firstIndex { names.contains($0) }
    }
}
