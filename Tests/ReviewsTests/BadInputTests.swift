import Foundation
import Testing

@testable import Reviews
@testable import TextDecoding

/// Bad review files: clear errors or warnings with line numbers, never a crash.
struct BadInputTests {
    /// A header without product_id/rating/text is an error that names what is missing and what was found.
    @Test func missingColumns() throws {
        let path = try Support.file("r.csv", "id,product_id,comment\n1,P1,좋아요\n")
        #expect(
            throws: ReviewsError.missingColumns(
                path: path, missing: ["rating", "text"], found: ["review_id", "product_id", "comment"])
        ) {
            try ReviewReader(path: path)
        }
    }

    /// A whole file in CP949 (Excel's Korean default, and many shop exports) is read as CP949, not skipped row by row.
    @Test func cp949File() throws {
        let good: [UInt8] = [0xC1, 0xC1, 0xBE, 0xC6, 0xBF, 0xE4]  // "좋아요" in CP949
        let product: [UInt8] = [0xBB, 0xF3, 0xC7, 0xB0]  // "상품" in CP949
        let bytes = Array("product_id,rating,text\n".utf8) + product + Array(",5,".utf8) + good + [0x0A]
        let (reviews, warnings) = try Support.readAll(try Support.file("r.csv", bytes))
        #expect(reviews.map(\.text) == ["좋아요"])
        #expect(reviews.map(\.productID) == ["상품"])
        #expect(warnings.isEmpty)
    }

    /// A UTF-16 file with a byte-order mark (Excel's "Unicode text") is read whole, also in read chunks that cut
    /// characters.
    @Test func utf16File() throws {
        let text = "product_id,rating,text\n" + String(repeating: "P1,4,배송이 빨라요\n", count: 50)
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var reader = try ReviewReader(path: try Support.file("r.csv", bytes))
        var count = 0
        while let review = reader.next() {
            #expect(review.text == "배송이 빨라요")
            count += 1
        }
        #expect(count == 50)
        var chunked = try DelimitedRecordStream(path: try Support.file("r.csv", bytes), chunkSize: 5)
        var records: [DelimitedRecords.Record] = []
        while let record = chunked.next() { records.append(record) }
        #expect(chunked.encoding == .utf16LittleEndian)
        let rows = Array(repeating: ["P1", "4", "배송이 빨라요"], count: 50)
        #expect(records.map(\.fields) == [["product_id", "rating", "text"]] + rows)
    }

    /// A file whose every row is skipped is an error after the warnings, never "0 reviews" as a success.
    @Test func noUsableRowIsAnError() throws {
        let path = try Support.file(
            "r.csv",
            Array("product_id,rating,text\nP1,5,".utf8) + [0xFF, 0xFE, 0x0A]
                + Array("P2,4,".utf8) + [0xFF, 0x80, 0x0A])
        var reader = try ReviewReader(path: path)
        while reader.next() != nil {}
        #expect(reader.rowsSkipped == 2 && reader.reviewsRead == 0)
        #expect(throws: ReviewsError.noUsableReviews(path: path, skipped: 2)) { try reader.requireAnyReview() }
        var good = try ReviewReader(path: try Support.file("ok.csv", "product_id,rating,text\nP1,5,좋아요\nP1,4,\n"))
        while good.next() != nil {}
        try good.requireAnyReview()
    }

    /// A header in no known encoding is an error that says so.
    @Test func nonUTF8Header() throws {
        let path = try Support.file("r.csv", [0xFF, 0xFF, 0x80] + Array(",rating,text\n".utf8))
        #expect(throws: ReviewsError.headerNotUTF8(path: path, hint: "unknown encoding")) {
            try ReviewReader(path: path)
        }
    }

    /// An empty file, a missing file and a folder are errors naming the path.
    @Test func unreadableFiles() throws {
        let empty = try Support.file("empty.csv", "")
        #expect(throws: ReviewsError.emptyFile(path: empty)) { try ReviewReader(path: empty) }
        #expect(throws: ReviewsError.unreadable(path: "/no/such.csv", detail: "no such file")) {
            try ReviewReader(path: "/no/such.csv")
        }
        let folder = try Support.temporaryDirectory().path
        #expect(throws: ReviewsError.unreadable(path: folder, detail: "it is a folder, not a file")) {
            try ReviewReader(path: folder)
        }
    }

    /// Empty text, a missing product and too few fields skip the row; bad ratings keep the review without one.
    @Test func rowProblemsAreWarnings() throws {
        let csv = """
            product_id,rating,text
            P1,5,"   "
            ,4,좋아요
            P1,9,좋아요
            P1,별다섯,괜찮아요
            P1,,그냥 그래요
            P1
            P1,3,보통이에요

            """
        let (reviews, warnings) = try Support.readAll(try Support.file("r.csv", csv))
        #expect(reviews.map(\.text) == ["좋아요", "괜찮아요", "그냥 그래요", "보통이에요"])
        #expect(reviews.map(\.rating) == [nil, nil, nil, 3])
        #expect(warnings.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(warnings[0].description.contains("line 2: empty review text"))
        #expect(warnings[2].description.contains("'9' is not a number in 1–5"))
    }

    /// Bytes that are not UTF-8 (here CP949 from Excel) skip the row, say so with the line and suggest iconv.
    @Test func nonUTF8() throws {
        let cp949Text: [UInt8] = [0xC1, 0xC1, 0xBE, 0xC6, 0xBF, 0xE4]  // "좋아요" in CP949
        let bytes = Array("product_id,rating,text\nP1,5,".utf8) + cp949Text + Array("\nP1,4,괜찮아요\n".utf8)
        let (reviews, warnings) = try Support.readAll(try Support.file("r.csv", bytes))
        #expect(reviews.map(\.text) == ["괜찮아요"])
        #expect(warnings.count == 1 && warnings[0].line == 2)
        #expect(warnings[0].message.contains("iconv -f CP949"))
    }

    /// A 10 MB review is skipped with a warning and the next row is read.
    @Test func hugeReview() throws {
        var bytes = Array("product_id,rating,text\nP1,5,\"".utf8)
        bytes += [UInt8](repeating: 0x61, count: 10 << 20)
        bytes += Array("\"\nP1,4,괜찮아요\n".utf8)
        let (reviews, warnings) = try Support.readAll(try Support.file("r.csv", bytes))
        #expect(reviews.map(\.text) == ["괜찮아요"])
        #expect(reviews.first?.line == 3)
        #expect(warnings.count == 1 && warnings[0].message.contains("10.0 MiB, over the 1.0 MiB limit"))
    }

    /// A quote never closed swallows the rest of the file: one warning naming the row's line, no crash.
    @Test func unbalancedQuote() throws {
        let (reviews, warnings) = try Support.readAll(
            try Support.file("r.csv", "product_id,rating,text\nP0,5,좋아요\nP1,5,\"좋아요\nP1,4,괜찮아요\n"))
        #expect(reviews.map(\.productID) == ["P0"])
        #expect(warnings.count == 1 && warnings[0].line == 3)
        #expect(warnings[0].message.contains("never closed"))
    }

    /// 200,000 rows (about 12 MB) stream through in bounded memory: every row is read, in order.
    /// (The same code reads million-row files; 200k keeps the test fast.)
    @Test func streamsLargeFiles() throws {
        let url = try Support.temporaryDirectory().appendingPathComponent("large.csv")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("review_id,product_id,rating,text,date\n".utf8))
        let rows = 200_000
        for block in 0..<(rows / 1_000) {
            var chunk = ""
            for index in (block * 1_000)..<((block + 1) * 1_000) {
                chunk += "R\(index),P\(index % 7),\(index % 5 + 1),배송 빠르고 품질 좋아요 \(index),2026-10-01\n"
            }
            try handle.write(contentsOf: Data(chunk.utf8))
        }
        try handle.close()
        var reader = try ReviewReader(path: url.path)
        var count = 0, lastID: String?
        while let review = reader.next() {
            count += 1
            lastID = review.reviewID
        }
        #expect(count == rows)
        #expect(lastID == "R\(rows - 1)")
    }
}
