import Foundation
import Testing
import TextDecoding

/// CSV records with the lines they start on.
struct DelimitedRecordsTests {
    /// Quoted fields keep separators, doubled quotes and line breaks; the next record's line counts them.
    @Test func quotedFieldsAndLineNumbers() {
        let text = "keyword,topic\n\"할인, 세일\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,y"
        let records = DelimitedRecords.parse(text)
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records[1].fields == ["할인, 세일", "say \"hi\""])
        #expect(records[2].fields == ["two\nlines", "x"])
        #expect(records[3].fields == ["last", "y"])
    }

    /// Blank lines are skipped but counted; CRLF line breaks end records like LF; empty fields stay.
    @Test func blankLinesAndCRLF() {
        let records = DelimitedRecords.parse("a,b\r\n\r\n,c\r\n\n1,\n")
        #expect(
            records == [
                .init(line: 1, fields: ["a", "b"]), .init(line: 3, fields: ["", "c"]),
                .init(line: 5, fields: ["1", ""]),
            ])
    }

    /// Another separator splits there only.
    @Test func tabSeparated() {
        #expect(
            DelimitedRecords.parse("id\ttext\nu1\t안녕, 하세요\n", separator: "\t")
                == [.init(line: 1, fields: ["id", "text"]), .init(line: 2, fields: ["u1", "안녕, 하세요"])])
    }

    /// Without quoting (TSV), a quote is data and every line is one record, CR before LF dropped.
    @Test func unquotedTabSeparated() {
        let records = DelimitedRecords.parse(
            "id\tdesc\r\n1\t\"BIG\" MUG\r\n\r\n2\t\"open\n", separator: "\t",
            quoting: false)
        #expect(
            records == [
                .init(line: 1, fields: ["id", "desc"]), .init(line: 2, fields: ["1", "\"BIG\" MUG"]),
                .init(line: 4, fields: ["2", "\"open"]),
            ])
    }

    /// Files are decoded first: a CP949 file (Korean Excel's default) gives the same records as UTF-8, and
    /// bytes in no known encoding are refused naming the line.
    @Test func readsThroughTheTextDecoder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cp949 = folder.appendingPathComponent("k.csv")
        // "keyword,topic\n할인,가격\n" in CP949.
        try Data([
            0x6B, 0x65, 0x79, 0x77, 0x6F, 0x72, 0x64, 0x2C, 0x74, 0x6F, 0x70, 0x69, 0x63, 0x0A,
            0xC7, 0xD2, 0xC0, 0xCE, 0x2C, 0xB0, 0xA1, 0xB0, 0xDD, 0x0A,
        ]).write(to: cp949)
        #expect(try DelimitedRecords.read(path: cp949.path) == DelimitedRecords.parse("keyword,topic\n할인,가격\n"))
        let missing = folder.appendingPathComponent("none.csv").path
        #expect(throws: TextDecodingError.noSuchFile) { try DelimitedRecords.read(path: missing) }
    }
}
