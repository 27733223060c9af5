import Foundation
import Testing

@testable import Reviews

/// Reading CSV and JSONL review files.
struct ReviewReaderTests {
    /// Quoted fields hold commas, doubled quotes and line breaks; the line number is where the row starts.
    @Test func quotedFields() throws {
        let csv =
            "review_id,product_id,rating,text,date\r\nR1,P1,5,\"좋아요, \"\"진짜\"\"\n두 줄\",2026-10-01\r\nR2,P1,4,괜찮아요,\n"
        let (reviews, warnings) = try Support.readAll(try Support.file("r.csv", csv))
        #expect(warnings.isEmpty)
        #expect(reviews.map(\.text) == ["좋아요, \"진짜\"\n두 줄", "괜찮아요"])
        #expect(reviews.map(\.line) == [2, 4])
        #expect(reviews[0].reviewID == "R1" && reviews[0].date == "2026-10-01" && reviews[1].date == nil)
    }

    /// Header names are case-insensitive, may come in any order, and a byte-order mark is skipped.
    @Test func headerVariants() throws {
        let csv = "\u{FEFF}Text,Rating,Product_ID\n배송 빨라요,3,P9\n"
        let (reviews, _) = try Support.readAll(try Support.file("r.csv", csv))
        #expect(reviews == [Review(productID: "P9", rating: 3, text: "배송 빨라요", line: 2)])
    }

    /// JSON lines: one object per line, with the same keys; numbers are accepted for ids.
    @Test func jsonLines() throws {
        let jsonl = "{\"review_id\": 7, \"product_id\": \"P1\", \"rating\": 5, \"text\": \"최고예요\"}\nnot json\n"
        let (reviews, warnings) = try Support.readAll(try Support.file("r.jsonl", jsonl))
        #expect(reviews.map(\.reviewID) == ["7"])
        #expect(reviews.first?.rating == 5)
        #expect(warnings.map(\.line) == [2])
    }

    /// The bundled demo file reads without a warning (175 reviews, ratings 1–5).
    @Test func demoFileReadsCleanly() throws {
        let (reviews, warnings) = try Support.readAll(Support.demoReviews)
        #expect(warnings.isEmpty)
        #expect(reviews.count == 175)
        #expect(reviews.allSatisfy { ($0.rating ?? 0) >= 1 && ($0.rating ?? 0) <= 5 })
    }
}
