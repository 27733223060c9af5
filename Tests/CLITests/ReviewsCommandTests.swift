import Foundation
import Testing

/// `liveinsight reviews`, run as the real binary on the bundled demo reviews.
struct ReviewsCommandTests {
    static let demo = CLIRunner.sample("demo.reviews.csv")

    /// The text report lists each product's topics with sentiment and stars, the alert, and the duplicates.
    @Test func textReport() throws {
        let result = try CLIRunner.run(["reviews", Self.demo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("P001: 49 reviews"))
        #expect(result.stdout.contains("배송"))
        #expect(result.stdout.contains("ALERT P003 배송"))
        #expect(result.stdout.contains("172 reviews analysed; dropped 1 exact and 2 near duplicates"))
    }

    /// `--json` has every review with its review_id and predicted sentiment, and the per-product/topic scores.
    @Test func jsonOutput() throws {
        let result = try CLIRunner.run(["reviews", Self.demo, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let reviews = try #require(object["reviews"] as? [[String: Any]])
        #expect(reviews.count == 172)
        #expect(reviews.first?["review_id"] as? String == "R0001")
        #expect(
            reviews.allSatisfy {
                $0["positive"] is Bool && ($0["probability"] as? Double).map { (0...1).contains($0) } == true
            })
        let products = try #require(object["products"] as? [[String: Any]])
        #expect(products.map { $0["product_id"] as? String } == ["P001", "P002", "P003", "P004"])
        let topic = try #require((products[0]["topics"] as? [[String: Any]])?.first)
        #expect(topic["mean_rating"] is Double && topic["sentiment"] is Double && topic["reviews"] is Int)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["near_duplicates"] as? Int == 2)
        #expect((summary["model_sha256"] as? String)?.count == 64)
    }

    /// `--product` keeps one product; `--word-clouds` writes a positive and a negative SVG for it.
    @Test func productAndWordClouds() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let result = try CLIRunner.run([
            "reviews", Self.demo, "--product", "P003", "--json", "--word-clouds", folder.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["products"] as? [[String: Any]])?.compactMap { $0["product_id"] as? String } == ["P003"])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["P003.negative.svg", "P003.positive.svg"])
        let svg = try String(contentsOf: folder.appendingPathComponent("P003.positive.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("NanumGothic"))
    }

    /// A 300-character product id gets a safe, short file name: every cloud is written and the report printed.
    @Test func longProductIDWordClouds() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("r.csv")
        let long = String(repeating: "p", count: 300)
        try Data("product_id,rating,text\nP1,5,정말 좋아요 배송 빨라요\n\(long),1,색상이 달라요 별로예요\n".utf8).write(to: file)
        let clouds = folder.appendingPathComponent("clouds")
        let result = try CLIRunner.run(["reviews", file.path, "--word-clouds", clouds.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: clouds.path)
        #expect(files.count == 4 && files.allSatisfy { $0.utf8.count <= 64 }, "\(files)")
        #expect(result.stdout.contains("P1"))
    }

    /// A file whose every row is unusable fails after its warnings instead of reporting 0 reviews.
    @Test func noUsableRowFails() throws {
        let file = try CLIRunner.temporaryDirectory().appendingPathComponent("bad.csv")
        try Data(
            Array("product_id,rating,text\nP1,5,".utf8) + [0xFF, 0xFE, 0x0A] + Array("P2,4,".utf8) + [0xFF, 0x80, 0x0A]
        ).write(to: file)
        let result = try CLIRunner.run(["reviews", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.csv: none of its 2 row(s) could be used"), "\(result.stderr)")
    }

    /// A regular file given as the word-cloud folder is refused in one line, not with a raw system error.
    @Test func wordCloudsIntoAFile() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let target = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: target)
        let result = try CLIRunner.run(["reviews", Self.demo, "--word-clouds", target.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("not-a-folder: --word-clouds needs a folder"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }

    /// Bad rows are warnings with line numbers on stderr; the good rows are still analysed.
    @Test func badRowsWarn() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("r.csv")
        try Data("product_id,rating,text\nP1,5,정말 좋아요\nP1,7,괜찮아요\nP1,3,\n".utf8).write(to: file)
        let result = try CLIRunner.run(["reviews", file.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("r.csv line 3: rating '7' is not a number in 1–5"))
        #expect(result.stderr.contains("r.csv line 4: empty review text; skipped"))
        #expect(result.stdout.contains("P1: 2 reviews"))
    }

    /// A file without the needed columns, or no file at all, is a one-line error and a non-zero exit.
    @Test func badFilesFail() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("r.csv")
        try Data("id,comment\n1,좋아요\n".utf8).write(to: file)
        let missing = try CLIRunner.run(["reviews", file.path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("line 1: missing column(s) product_id, rating, text"))
        let absent = try CLIRunner.run(["reviews", folder.appendingPathComponent("none.csv").path])
        #expect(absent.status != 0 && absent.stderr.contains("no such file"))
    }
}
