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

    /// The records of `text`, fields split at `separator`.
    public static func parse(_ text: String, separator: Unicode.Scalar = ",") -> [Record] {
        // CSV.swift reads scalars: a CRLF line break is two of them, which it handles; the error it can
        // report comes only from streams, never from a string.
        guard let reader = try? CSVReader(string: text, delimiter: separator) else { return [] }
        var records: [Record] = []
        var line = 1
        while let fields = reader.next() {
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: line, fields: fields)) }
            line += 1 + fields.reduce(0) { count, field in
                count + field.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            }
        }
        return records
    }

    /// The records of the file at `path`, decoded by `TextDecoder` (UTF-8 with or without a byte-order
    /// mark, UTF-16, CP949).
    public static func read(path: String, separator: Unicode.Scalar = ",") throws(TextDecodingError) -> [Record] {
        parse(try TextDecoder.read(path: path).text, separator: separator)
    }
}
