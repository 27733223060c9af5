import Foundation
import Testing
import TextDecoding

/// Records streamed from a file in small chunks, as the reviews reader reads a million rows.
struct DelimitedRecordStreamTests {
    /// A temporary file holding `bytes`.
    private func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// All records of `path`, read 7 bytes at a time so chunks cut quotes, line breaks and characters.
    private func streamed(_ path: String) throws -> [DelimitedRecords.Record] {
        var stream = try DelimitedRecordStream(path: path, chunkSize: 7)
        var records: [DelimitedRecords.Record] = []
        while let record = stream.next() { records.append(record) }
        return records
    }

    /// The same records, lines and fields as reading the whole file: byte-order mark, CRLF, quoted line
    /// breaks and doubled quotes, blank lines.
    @Test func matchesTheWholeFileReader() throws {
        let text = "\u{FEFF}id,text\r\n1,\"두 줄\r\n리뷰, \"\"좋아요\"\"\"\r\n\r\n2,배송 빨라요\r\n"
        let path = try file(Array(text.utf8))
        let records = try streamed(path)
        #expect(records == (try DelimitedRecords.read(path: path)))
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records[1].fields == ["1", "두 줄\r\n리뷰, \"좋아요\""] && records[1].lineCount == 2)
    }

    /// In a file no encoding reads whole, a field that is not UTF-8 comes back as its bytes, the rest as text.
    @Test func undecodableFieldsKeepTheirBytes() throws {
        let cp949: [UInt8] = [0xC1, 0xC1, 0xBE, 0xC6, 0xBF, 0xE4]  // "좋아요" in CP949
        let path = try file(Array("id,text\n1,".utf8) + cp949 + Array("\n2,괜찮아요\n".utf8))
        var stream = try DelimitedRecordStream(path: path, chunkSize: 7)
        #expect(stream.encoding == nil)
        let records = [stream.next(), stream.next(), stream.next()].compactMap { $0 }
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records[1].undecodable == [1: cp949] && records[1].fields[0] == "1")
        #expect(records[2].fields == ["2", "괜찮아요"] && records[2].undecodable.isEmpty)
    }

    /// A quote opened in the last record and never closed is flagged; a closed one at the end is not.
    @Test func quoteNeverClosed() throws {
        let open = try streamed(try file(Array("a,b\n1,\"open\n2,x\n".utf8)))
        #expect(open.map(\.quoteNeverClosed) == [false, true] && open[1].lineCount == 3)
        let closed = try streamed(try file(Array("a,b\n1,\"closed\nfield\"\n".utf8)))
        #expect(closed.map(\.quoteNeverClosed) == [false, false])
    }
}
