import Foundation

/// A small RFC 4180 CSV reader for the project's input files: quoted fields (with "" escapes and
/// embedded commas/newlines), a header row, blank and `#` comment lines skipped, and line numbers
/// kept for error messages. Rejects non-UTF-8 input with the line where decoding fails.
struct CSVTable {
    struct Row {
        /// 1-based line where the row starts.
        let line: Int
        let fields: [String]
    }

    let path: String
    let header: [String]
    let rows: [Row]

    init(path: String) throws(InsightError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, detail: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        try self.init(data: data, path: path)
    }

    init(data: Data, path: String) throws(InsightError) {
        self.path = path
        guard var text = String(data: data, encoding: .utf8) else {
            throw .notUTF8(path: path, line: Self.firstInvalidLine(data))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records = Self.parse(text)
        records.removeAll { $0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            || $0.fields.first?.hasPrefix("#") == true }
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

    private static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = data.index(after: index)
        }
        return line
    }
}
