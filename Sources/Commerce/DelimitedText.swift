import Foundation

/// Rows of a delimited text file (CSV or TSV) as byte fields, read in one pass over the bytes: the
/// separator is a tab when the header holds one, else a comma; CSV fields may be quoted (with "" for a
/// quote, and separators or line breaks inside); CR before LF is dropped; a UTF-8 byte-order mark is
/// skipped; blank lines are skipped. A `.gz` file is decompressed with `gzip -dc` first.
struct DelimitedText {
    struct Row {
        /// 1-based line where the row starts.
        var line: Int
        var fields: [Substring]
    }

    let header: [String]
    let rows: [Row]

    init(path: String) throws(CommerceError) {
        let data: Data
        if path.hasSuffix(".gz") { data = try Self.gunzip(path) } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw .unreadable(path: path, detail: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
            }
            data = contents
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, detail: "not UTF-8 text (save it as UTF-8 CSV or TSV)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.init(text: text)
    }

    init(text: String) {
        let firstLine = text.prefix { $0 != "\n" }
        let separator: UInt8 = firstLine.contains("\t") ? 9 : 44
        var rows = Self.split(text, separator: separator)
        let header = rows.isEmpty ? [] : rows.removeFirst().fields.map { String($0).trimmingCharacters(in: .whitespaces) }
        (self.header, self.rows) = (header, rows)
    }

    /// The index of the first header column whose name, lower-cased without spaces, `_` or `-`, is one of `names`.
    func column(_ names: [String]) -> Int? {
        let folded = header.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        for name in names { if let index = folded.firstIndex(of: name) { return index } }
        return nil
    }

    private static func split(_ text: String, separator: UInt8) -> [Row] {
        var rows: [Row] = []
        let utf8 = text.utf8
        var fields: [Substring] = []
        var line = 1, rowLine = 1
        var index = utf8.startIndex
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        func finishRow() {
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
        }
        while index < utf8.endIndex {
            // One field.
            if utf8[index] == quote && separator != 9 {
                var value = ""
                var cursor = utf8.index(after: index), segmentStart = cursor
                while cursor < utf8.endIndex {
                    let byte = utf8[cursor]
                    if byte == quote {
                        value += text[segmentStart..<cursor]
                        let next = utf8.index(after: cursor)
                        if next < utf8.endIndex, utf8[next] == quote {
                            value += "\""
                            cursor = utf8.index(after: next); segmentStart = cursor
                            continue
                        }
                        cursor = next; segmentStart = cursor
                        break
                    }
                    if byte == newline { line += 1 }
                    cursor = utf8.index(after: cursor)
                }
                // Anything between the closing quote and the separator is kept as written.
                while cursor < utf8.endIndex, utf8[cursor] != separator, utf8[cursor] != newline { cursor = utf8.index(after: cursor) }
                value += text[segmentStart..<cursor].filter { $0 != "\r" }
                fields.append(Substring(value))
                index = cursor
            } else {
                var cursor = index
                while cursor < utf8.endIndex, utf8[cursor] != separator, utf8[cursor] != newline { cursor = utf8.index(after: cursor) }
                var end = cursor
                if end > index, utf8[utf8.index(before: end)] == carriageReturn { end = utf8.index(before: end) }
                fields.append(text[index..<end])
                index = cursor
            }
            if index < utf8.endIndex {
                if utf8[index] == separator { index = utf8.index(after: index); if index == utf8.endIndex { fields.append("") } }
                else { finishRow(); line += 1; rowLine = line; index = utf8.index(after: index) }
            }
        }
        if !fields.isEmpty { finishRow() }
        return rows
    }

    private static func gunzip(_ path: String) throws(CommerceError) -> Data {
        guard FileManager.default.isReadableFile(atPath: path) else { throw .unreadable(path: path, detail: "no such file") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .unreadable(path: path, detail: "cannot run gzip to decompress it (\(error))") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw .unreadable(path: path, detail: "gzip could not decompress it (a truncated or corrupt .gz)") }
        return data
    }
}
