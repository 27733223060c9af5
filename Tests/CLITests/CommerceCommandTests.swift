import Foundation
import Testing

/// `liveinsight orders import`, `customers` and `recommend`, run as the real binary on small self-made orders.
struct CommerceCommandTests {
    static let fixture = CLIRunner.repository.appendingPathComponent(
        "Tests/CommerceTests/Fixtures/orders-with-bad-rows.tsv"
    ).path

    /// Orders for 40 customers in four taste groups (each buys 4–7 of its group's 8 items), one order a
    /// week; written for the test.
    static func groupOrders(in folder: URL) throws -> String {
        var lines = ["customer,item,quantity,price,time,text"]
        for customer in 0..<40 {
            let group = customer % 4
            for item in 0..<(4 + customer % 4) {
                lines.append(
                    "c\(customer),g\(group)i\((item + customer) % 8),1,2.5,"
                        + "2011-0\(1 + item % 9)-1\(customer % 9) 10:00,GROUP \(group) THING \(item)"
                )
            }
        }
        let path = folder.appendingPathComponent("orders.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Import prints every count and the unreadable lines; customers --json then scores the two customers.
    @Test func importThenCustomers() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws").path
        let imported = try CLIRunner.run(["orders", "import", Self.fixture, "--workspace", workspace])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3 purchases (2 customers, 3 items, 2 orders)"))
        #expect(imported.stdout.contains("1 cancellation lines, 1 returns, 1 without a customer"))
        #expect(imported.stdout.contains("unreadable line 9: time 'yesterday'"))
        let customers = try CLIRunner.run(["customers", "--json", "--workspace", workspace])
        #expect(customers.status == 0, "\(customers.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(customers.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["customers"] as? [[String: Any]])
        #expect(rows.map { $0["customer"] as? String } == ["100", "102"])
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(segments.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == 2)
        // The table: two customers, so a segment holds 50.0% or 100.0% of them, under the header's SHARE.
        let table = try CLIRunner.run(["customers", "--workspace", workspace]).stdout.split(separator: "\n")
        let header = try #require(table.first { $0.hasPrefix("SEGMENT") })
        let row = try #require(table.first { $0.contains("%") })
        let shareEnd = try #require(header.firstRange(of: "SHARE")).upperBound.utf16Offset(in: header)
        let percentEnd = try #require(row.firstIndex(of: "%")).utf16Offset(in: row) + 1
        #expect(
            percentEnd == shareEnd && (row.contains(" 50.0%") || row.contains(" 100.0%")) && row.hasSuffix("%"),
            "\(row)")
    }

    /// --as-of takes the whole day (customer 100 bought at 10:00 on 2011-01-03); --compare counts who moved since.
    @Test func customersAsOfAndCompare() throws {
        let asOf = try CLIRunner.run(["customers", "--orders", Self.fixture, "--as-of", "2011-01-03", "--json"])
        #expect(asOf.status == 0, "\(asOf.stderr)")
        let early = try #require(try JSONSerialization.jsonObject(with: Data(asOf.stdout.utf8)) as? [String: Any])
        let rows = try #require(early["customers"] as? [[String: Any]])
        #expect(rows.map { $0["customer"] as? String } == ["100"])
        #expect(rows.first?["recencyDays"] as? Int == 0)
        let compared = try CLIRunner.run(["customers", "--orders", Self.fixture, "--compare", "2011-01-03", "--json"])
        let later = try #require(try JSONSerialization.jsonObject(with: Data(compared.stdout.utf8)) as? [String: Any])
        let movement = try #require(later["movement"] as? [[String: Any]])
        #expect(movement.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == 2)
        #expect(movement.contains { $0["from"] == nil && $0["customers"] as? Int == 1 })  // 102 was not a customer yet
    }

    /// recommend --json: k items per customer, none already bought; an unknown customer gets the popular list.
    @Test func recommendJSON() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let orders = try Self.groupOrders(in: folder)
        let ids = folder.appendingPathComponent("ids.txt").path
        try "c1\nc2\nnobody\n".write(toFile: ids, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["recommend", "--orders", orders, "--customers", ids, "--k", "3", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let lists = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(lists.map { $0["customer"] as? String } == ["c1", "c2", "nobody"])
        #expect(lists.map { $0["known"] as? Bool } == [true, true, false])
        let c1 = try #require(lists[0]["items"] as? [[String: Any]]).compactMap { $0["item"] as? String }
        #expect(c1.count == 3)
        // c1 (group 1) bought g1i1…g1i5: none of them comes back.
        #expect(Set(c1).isDisjoint(with: (1...5).map { "g1i\($0)" }))
        let nobody = try #require(lists[2]["items"] as? [[String: Any]])
        #expect(nobody.allSatisfy { $0["reason"] as? String == "popular" })
    }

    /// recommend evaluate --json reports every method with figures between 0 and 1.
    @Test func evaluateReportsEveryMethod() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let orders = try Self.groupOrders(in: folder)
        let result = try CLIRunner.run(["recommend", "evaluate", "--orders", orders, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["method"] as? String } == ["popular", "together", "viewed", "content", "als", "hybrid"])
        #expect(
            rows.allSatisfy { row in
                ["precision", "recall", "ndcg", "coverage"].allSatisfy { (0...1).contains(row[$0] as? Double ?? -1) }
            })
        #expect(rows.allSatisfy { $0["customers"] as? Int == 30 })  // the 30 customers with ≥ 5 items
    }

    /// recommend show: the show's viewers by segment, what its buyer bought in the shop, what to feature.
    @Test func showInsight() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws")
        let show = workspace.appendingPathComponent("broadcasts/0123456789abcdef")
        try FileManager.default.createDirectory(
            at: show.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        try "{}".write(to: show.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try """
        timestamp,event_type,product_id,quantity,price,viewer_id
        1,view,,,,c1
        2,view,,,,c2
        3,view,,,,stranger
        4,purchase,SHOWITEM,1,10,c1
        """.write(to: show.appendingPathComponent("inputs/events.csv"), atomically: true, encoding: .utf8)
        let orders = try Self.groupOrders(in: folder)
        #expect(try CLIRunner.run(["orders", "import", orders, "--workspace", workspace.path]).status == 0)
        let result = try CLIRunner.run([
            "recommend", "show", "0123456789abcdef", "--workspace", workspace.path, "--json", "--k", "3",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["viewers"] as? Int == 3)
        #expect(object["buyers"] as? Int == 1)
        let segments = try #require(object["viewersBySegment"] as? [String: Int])
        #expect(segments["not a customer"] == 1)
        #expect(segments.values.reduce(0, +) == 3)
        let also = try #require(object["alsoBought"] as? [[String: Any]]).compactMap { $0["item"] as? String }
        #expect(Set(also) == Set((1...5).map { "g1i\($0)" }))  // c1's shop purchases
        let feature = try #require(object["featureNext"] as? [[String: Any]])
        #expect(feature.allSatisfy { ($0["customers"] as? Int ?? 0) >= 1 && ($0["customers"] as? Int ?? 9) <= 3 })
    }

    /// recommend top --json: the most bought items per category of the imported order file.
    @Test func topPerCategory() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let orders = folder.appendingPathComponent("orders.csv").path
        try """
        customer,item,quantity,price,time,text,category
        a,K1,1,30,2026-11-01,wool knit,knit
        b,K1,1,30,2026-11-02,wool knit,knit
        b,K2,1,20,2026-11-02,cotton knit,knit
        c,S1,1,10,2026-11-03,scarf,scarf
        """.write(toFile: orders, atomically: true, encoding: .utf8)
        let workspace = folder.appendingPathComponent("ws").path
        #expect(try CLIRunner.run(["orders", "import", orders, "--workspace", workspace]).status == 0)
        let result = try CLIRunner.run(["recommend", "top", "--workspace", workspace, "--top", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let categories = try #require(object["categories"] as? [String: [[String: Any]]])
        #expect(categories["knit"]?.map { $0["item"] as? String } == ["K1"])
        #expect(categories["knit"]?.first?["buyers"] as? Int == 2)
        #expect(categories["scarf"]?.map { $0["item"] as? String } == ["S1"])
    }

    /// A missing order file is one line naming it, with a non-zero exit.
    @Test func missingFileFails() throws {
        let result = try CLIRunner.run(["customers", "--orders", "/nonexistent/orders.csv"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/orders.csv: no such file"))
    }
}
