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
        public internal(set) var fields: [String]
        /// Lines the record spans (more than one when a quoted field holds line breaks).
        public internal(set) var lineCount = 1
        /// Streamed only: the bytes of the fields, by position, that are not UTF-8 in a file no encoding reads
        /// whole; `fields` holds them with replacement characters.
        public internal(set) var undecodable: [Int: [UInt8]] = [:]
        /// Streamed only: the last record of a file whose quote never closed, so it holds the rest of the file.
        public internal(set) var quoteNeverClosed = false

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
        while let record = next(from: reader, line: &line) { records.append(record) }
        return records
    }

    /// The next record of `reader` that is not a blank line, numbered from `line`, which moves past it.
    static func next(from reader: CSVReader, line: inout Int) -> Record? {
        while let fields = reader.next() {
            var record = Record(line: line, fields: fields)
            record.lineCount =
                1
                + fields.reduce(0) { count, field in
                    count + field.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                }
            line += record.lineCount
            if !(fields.count == 1 && fields[0].isEmpty) { return record }
        }
        return nil
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
