import Commerce
import Foundation
import Testing

/// Reading order files: each line is kept as a purchase or counted under why it was set aside.
struct OrderImportTests {
    /// The fixture's ten lines land in the expected counts (see Fixtures/README.md).
    @Test func countsEveryKindOfLine() throws {
        let orders = try OrderImport.read(path: CommerceFixtures.path("orders-with-bad-rows.tsv"))
        let counts = orders.counts
        #expect(counts.lines == 10)
        #expect(counts.purchases == 3)
        #expect(counts.cancellations == 1)
        #expect(counts.returns == 1)
        #expect(counts.missingCustomer == 1)
        #expect(counts.zeroAmount == 1)
        #expect(counts.badRows == 3)
        #expect(counts.badRowExamples.map { $0.prefix(8) } == ["line 8: ", "line 9: ", "line 12:"])
        #expect((counts.customers, counts.items, counts.orders) == (2, 3, 2))
        #expect(
            counts.lines == counts.purchases + counts.cancellations + counts.returns + counts.missingCustomer
                + counts.zeroAmount + counts.badRows)
    }

    /// An order file saved by Korean Excel (CP949) reads like its UTF-8 twin; a TSV quote is data, not quoting.
    @Test func readsCP949AndKeepsTSVQuotes() throws {
        let text =
            "customer\titem\tquantity\tprice\ttime\tdescription\n"
            + "101\tA1\t2\t39000\t2024-05-01T10:00:00\t\"특가\" 머그\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("orders.tsv").path
        // The same text in CP949: ASCII as is, 특가 = C6AF B0A1, 머그 = B8D3 B1D7.
        var cp949 = Data(text.prefix { $0 != "특" }.utf8)
        cp949 += [0xC6, 0xAF, 0xB0, 0xA1] + Data("\" ".utf8) + [0xB8, 0xD3, 0xB1, 0xD7, 0x0A]
        try cp949.write(to: URL(fileURLWithPath: path))
        let fromFile = try OrderImport.read(path: path)
        let fromText = try OrderImport.read(text: text)
        #expect(fromFile.purchases == fromText.purchases)
        #expect(fromFile.items.map(\.text) == ["\"특가\" 머그"])
    }

    /// Kept lines carry their fields; the UCI date form and a "102.0" customer id are read as meant.
    @Test func keptLinesCarryTheirFields() throws {
        let orders = try OrderImport.read(path: CommerceFixtures.path("orders-with-bad-rows.tsv"))
        let last = try #require(orders.purchases.last)
        #expect(last.customer == "102")
        #expect(last.item == "C3")
        #expect(last.order == "1008")
        #expect(last.time == OrderTime.parse("2011-12-09T12:50:00"))
        #expect(orders.purchases[0].amount == 5.0)
        #expect(orders.items.map(\.id) == ["A1", "B2", "C3"])
        #expect(orders.items.map(\.text) == ["RED MUG", "BLUE MUG", "GREEN TEAPOT"])
    }

    /// CSV with other column names, quoted fields holding commas, and a category.
    @Test func readsCSVWithQuotedFields() throws {
        let text = """
            viewer_id,product_id,qty,price,timestamp,name,category
            v1,P1,2,"59,000",2026-11-20 20:12:34,"Wool knit, grey",knit
            v1,P2,1,12000,2026-11-20T20:15:00+09:00,"Socks \"\"warm\"\"",socks
            """
        let orders = try OrderImport.read(text: text)
        #expect(orders.counts.badRows == 1)  // "59,000" is not a number: thousands separators are not guessed
        #expect(orders.purchases.count == 1)
        #expect(orders.purchases[0].time == OrderTime.parse("2026-11-20T11:15:00Z"))
        #expect(orders.items.first?.text == "Socks \"warm\"")
        #expect(orders.items.first?.category == "socks")
    }

    /// A file without a customer column fails naming the column and the header.
    @Test func missingColumnIsNamed() {
        #expect(throws: CommerceError.missingColumn(path: "<text>", column: "customer", header: ["item", "quantity"])) {
            try OrderImport.read(text: "item,quantity\nA,1\n")
        }
    }

    /// Date-time forms: ISO with offset, space-separated, date only, UCI month/day/year; garbage is nil.
    @Test func parsesOrderTimes() {
        #expect(OrderTime.parse("2011-12-09T12:50:00")?.timeIntervalSince1970 == 1_323_435_000)
        #expect(OrderTime.parse("2011-12-09 12:50") == OrderTime.parse("2011-12-09T12:50:00"))
        #expect(OrderTime.parse("2011-12-09T21:50:00+09:00") == OrderTime.parse("2011-12-09T12:50:00Z"))
        #expect(OrderTime.parse("12/9/2011 12:50") == OrderTime.parse("2011-12-09T12:50:00"))
        #expect(OrderTime.parse("2011-12-09")?.timeIntervalSince1970 == 1_323_388_800)
        #expect(OrderTime.parse("2011-13-09") == nil)
        #expect(OrderTime.parse("yesterday") == nil)
        #expect(OrderTime.parse("2011-12-09T12:50:00 extra") == nil)
    }
}
