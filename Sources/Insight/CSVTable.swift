import Foundation
import TextDecoding

/// A small RFC 4180 CSV reader for the project's input files: quoted fields (with "" escapes and
/// embedded commas/newlines), a header row, blank and `#` comment lines skipped, and line numbers
/// kept for error messages. Reads UTF-8 (with or without BOM), UTF-16 and CP949 (``TextDecoder``); other
/// bytes are refused with the line where decoding fails.
struct CSVTable {
    struct Row {
        /// 1-based line where the row starts.
        let line: Int
        let fields: [String]
    }

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
        var records = Self.parse(text)
        records.removeAll { $0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            || $0.fields.first?.hasPrefix("#") == true }
        firstRow = records.first
        header = records.first?.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? []
        rows = Array(records.dropFirst())
    }

    /// Index of the first column whose name is one of `names`.
    func column(_ names: String...) -> Int? {
        header.firstIndex { names.contains($0) }
    }

    private static func parse(_ text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = [], field = ""
        var inQuotes = false, line = 1, rowLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else { inQuotes = false }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: inQuotes = true
            case ",": fields.append(field); field = ""
            case "\n", "\r\n", "\r":
                fields.append(field)
                rows.append(Row(line: rowLine, fields: fields))
                fields = []; field = ""
                line += 1; rowLine = line
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}
