/// One CSV record: its fields as raw bytes, the physical line it starts on, and whether it outgrew the limit.
struct CSVRecord {
    var fields: [[UInt8]]
    var line: Int
    /// The record was longer than the byte limit; its fields were cut and it should be skipped.
    var oversized: Bool
    /// Bytes the record spans (whole, even when oversized).
    var byteCount: Int
    /// The file ended inside a quoted field: a quote was never closed.
    var unterminated = false
    /// The physical line after the record (so `endLine − line` lines were consumed).
    var endLine = 0
}

/// RFC 4180 CSV records over a byte stream: quoted fields may hold commas, quotes ("") and line breaks;
/// CR is ignored outside quotes; a UTF-8 byte-order mark is skipped. Memory per record is capped at
/// `maxRecordBytes`: longer records are still read to their end, but their bytes are dropped.
struct CSVRecordReader {
    private var bytes: ChunkedByteReader
    private let maxRecordBytes: Int
    private let separator: UInt8
    private let quoting: Bool
    private var line = 1
    private var started = false

    /// `quoting: false` reads plain lines (JSONL): quotes are data, and a record ends at each line break.
    init(bytes: ChunkedByteReader, separator: UInt8 = UInt8(ascii: ","), maxRecordBytes: Int, quoting: Bool = true) {
        (self.bytes, self.separator, self.maxRecordBytes, self.quoting) = (bytes, separator, maxRecordBytes, quoting)
    }

    /// The next record, or nil at the end of the input. Blank lines are skipped.
    mutating func next() -> CSVRecord? {
        if !started {
            started = true
            if bytes.peek() == 0xEF {
                // Byte-order mark EF BB BF.
                _ = bytes.next()
                if bytes.peek() == 0xBB { _ = bytes.next(); if bytes.peek() == 0xBF { _ = bytes.next() } }
            }
        }
        while true {
            guard bytes.peek() != nil else { return nil }
            let record = readRecord()
            if record.fields.count == 1, record.fields[0].isEmpty, !record.oversized { continue }  // blank line
            return record
        }
    }

    private mutating func readRecord() -> CSVRecord {
        var record = CSVRecord(fields: [], line: line, oversized: false, byteCount: 0)
        var field: [UInt8] = []
        var inQuotes = false, wasQuoted = false
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        while let byte = bytes.next() {
            record.byteCount += 1
            if byte == newline { line += 1 }
            if inQuotes {
                if byte == quote {
                    if bytes.peek() == quote {
                        _ = bytes.next()
                        record.byteCount += 1
                        append(byte, to: &field, record: &record)
                    } else {
                        inQuotes = false
                    }
                } else {
                    append(byte, to: &field, record: &record)
                }
                continue
            }
            switch byte {
            case quote where quoting && field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
            case separator where quoting:
                record.fields.append(field)
                field = []
                wasQuoted = false
            case newline:
                record.fields.append(field)
                record.endLine = line
                return record
            case carriageReturn:
                continue
            default:
                append(byte, to: &field, record: &record)
            }
        }
        record.fields.append(field)
        record.unterminated = inQuotes
        record.endLine = line
        return record
    }

    @inline(__always)
    private func append(_ byte: UInt8, to field: inout [UInt8], record: inout CSVRecord) {
        if record.byteCount > maxRecordBytes {
            record.oversized = true
            return
        }
        field.append(byte)
    }
}
