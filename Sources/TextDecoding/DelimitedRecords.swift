import CSV

/// Records of CSV (RFC 4180) or other delimited text, with the line each starts on for error messages:
/// quoted fields may hold separators, `""` quotes and line breaks; blank lines are skipped. Parsing is
/// yaslab/CSV.swift's; what this adds is line numbers and the one way every reader of the project gets
/// from a user's file (any encoding `TextDecoder` reads) to its records.
public enum DelimitedRecords {
    /// One record.
    public struct Record: Sendable, Equatable {
        /// 1-based line where the record starts.
        public let line: Int
        /// The fields as written (quotes removed, nothing trimmed).
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            (self.line, self.fields) = (line, fields)
        }
    }

    /// The records of `text`, fields split at `separator`. `quoting: false` reads a format without quoting
    /// (TSV as IANA defines it, where a quote is data): each line is a record.
    public static func parse(_ text: String, separator: Unicode.Scalar = ",", quoting: Bool = true) -> [Record] {
        guard quoting else { return unquoted(text, separator: Character(separator)) }
        // CSV.swift reads scalars: a CRLF line break is two of them, which it handles; the error it can
        // report comes only from streams, never from a string.
        guard let reader = try? CSVReader(string: text, delimiter: separator) else { return [] }
        var records: [Record] = []
        var line = 1
        while let fields = reader.next() {
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: line, fields: fields)) }
            line +=
                1
                + fields.reduce(0) { count, field in
                    count + field.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                }
        }
        return records
    }

    /// The records of the file at `path`, decoded by `TextDecoder` (UTF-8 with or without a byte-order
    /// mark, UTF-16, CP949).
    public static func read(
        path: String, separator: Unicode.Scalar = ",",
        quoting: Bool = true
    ) throws(TextDecodingError) -> [Record] {
        parse(try TextDecoder.read(path: path).text, separator: separator, quoting: quoting)
    }

    /// Lines split at LF (a CR before it dropped), fields at `separator`, blank lines skipped.
    private static func unquoted(_ text: String, separator: Character) -> [Record] {
        var records: [Record] = []
        // Split the bytes, not the characters: "\r\n" is one Character and would not split at "\n".
        for (index, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated()
        {
            var line = Substring(bytes)
            if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
            guard !line.isEmpty else { continue }
            let fields = line.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            records.append(Record(line: index + 1, fields: fields))
        }
        return records
    }
}
