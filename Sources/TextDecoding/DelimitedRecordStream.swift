import CSV

/// The records of a delimited file too big to hold (a million reviews), read front to back in bounded
/// chunks: the file is decoded as ``DelimitedRecords/read(path:separator:quoting:)`` decodes it (UTF-8 with or
/// without a byte-order mark, UTF-16, CP949) and parsed by yaslab/CSV.swift, with the same line numbers.
/// A file that no encoding reads whole still streams: each field is taken as UTF-8 on its own, and a field
/// that is not is handed back as its bytes (``DelimitedRecords/Record/undecodable``), so its row can be named.
public struct DelimitedRecordStream {
    /// The encoding the file was read in; nil when none reads it whole.
    public var encoding: TextEncoding? { input.encoding }
    private let input: UTF8FileStream
    private let reader: CSVReader
    private let quoting: Bool
    private var line = 1
    private var upcoming: DelimitedRecords.Record?

    /// Opens the file at `path`, fields split at `separator`. `quoting: false` reads one record per line, for
    /// JSON lines: the separator is then NUL, which text never holds (a line that begins with a quote is
    /// still read with CSV quoting). `chunkSize` bytes are read at a time.
    public init(
        path: String, separator: Unicode.Scalar = ",", quoting: Bool = true,
        chunkSize: Int = 1 << 18
    ) throws(TextDecodingError) {
        input = try UTF8FileStream(path: path, chunkSize: chunkSize)
        do {
            reader = try CSVReader(stream: input, codecType: UTF8.self, delimiter: quoting ? separator : "\0")
        } catch {
            throw .unreadable(detail: "\(error)")
        }
        self.quoting = quoting
        upcoming = read()
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public mutating func next() -> DelimitedRecords.Record? {
        guard var record = upcoming else { return nil }
        upcoming = read()
        // Every quote that opens a field is closed, so an odd count at the end means the last record's
        // quote never closed and CSV.swift read the rest of the file into it.
        if upcoming == nil, quoting, record.lineCount > 1, input.quotesRead % 2 == 1 { record.quoteNeverClosed = true }
        return record
    }

    private mutating func read() -> DelimitedRecords.Record? {
        guard var record = DelimitedRecords.next(from: reader, line: &line) else { return nil }
        guard encoding == nil else { return record }
        for (index, field) in record.fields.enumerated() where field.unicodeScalars.contains(where: { !$0.isASCII }) {
            let bytes = field.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
            if let text = String(validating: bytes, as: UTF8.self) {
                record.fields[index] = text
            } else {
                record.fields[index] = String(decoding: bytes, as: UTF8.self)
                record.undecodable[index] = bytes
            }
        }
        return record
    }
}
