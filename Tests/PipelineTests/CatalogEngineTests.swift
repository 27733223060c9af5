import Accounts
import Board
import Commerce
import Foundation
import Testing

@testable import Catalog
@testable import Checkpoints

/// The same catalog operations on SQLite and on PostgreSQL read back the same; a catalog copied from one to the
/// other holds the same rows; a PostgreSQL catalog rides out a database restart.
struct CatalogEngineTests {
    /// A fixed clock in whole seconds, so both engines store the times exactly.
    private static let start = Date(timeIntervalSince1970: 1_780_000_000)

    /// Writes some of everything through the catalog's API.
    private static func fill(_ catalog: Catalog) throws {
        let at = { (seconds: Double) in start.addingTimeInterval(seconds) }
        try catalog.recordBroadcast(id: "b1", name: "쇼 1.wav", sourcePath: "/in/쇼 1.wav", bytes: 1_234, now: at(0))
        try catalog.recordBroadcast(id: "b2", name: "show2.wav", sourcePath: "/in/show2.wav", bytes: 99, now: at(1))
        try catalog.setDuration(3_600.5, broadcast: "b1")
        let job = try catalog.startDirectJob(file: "/in/쇼 1.wav", owner: JobOwner(host: "h", pid: 7), now: at(2))
        try catalog.attachJob(job, broadcast: "b1")
        let run = try catalog.startStageRun(broadcast: "b1", job: job, stage: "decode", key: "k1", now: at(3))
        try catalog.finishStageRun(run, status: .done, seconds: 1.25, now: at(4))
        try catalog.recordReusedStage(broadcast: "b1", job: job, stage: "acoustic", key: "k2", now: at(5))
        try catalog.finishJob(job, broadcast: "b1", outcome: "processed", now: at(6))
        try catalog.recordKeywordList(name: "k.csv", path: "/k.csv", content: "가격,할인", sha256: "ab", now: at(7))
        try catalog.recordKeywordList(name: "again.csv", path: "/k2.csv", content: "가격,할인", sha256: "ab", now: at(8))
        try catalog.replacePurchases(
            source: "file:o.csv", kind: "file", path: "/o.csv",
            purchases: [
                Purchase(customer: "c1", item: "i1", quantity: 2, unitPrice: 9_900, time: at(10), order: "o1"),
                Purchase(customer: "c2", item: "i2", quantity: 1, unitPrice: 0.5, time: at(9)),
            ],
            items: [ItemInfo(id: "i1", text: "크림", category: "뷰티", price: 9_900), ItemInfo(id: "i2", text: "컵")],
            counts: "{}", now: at(11))
        try catalog.replacePurchases(
            source: "broadcast:b1", kind: "broadcast", path: "/e.csv", purchases: [], items: [], counts: "{}",
            now: at(12))
        try catalog.replaceProductViews(
            source: "broadcast:b1", views: [ProductView(customer: "c1", item: "i2", time: at(13), broadcast: "b1")])
        try catalog.addAccount(Account(name: "kim", role: .analyst, passwordHash: "$2b$hash"))
        #expect(try catalog.setPasswordHash("$2b$other", named: "kim"))
        #expect(try !catalog.removeAccount(named: "nobody"))
        let first = try catalog.addInquiry(
            try NewInquiry(title: "배송 문의", body: "언제 Ships?", broadcastID: "b1", productID: nil, author: "kim"),
            now: at(14))
        _ = try catalog.addInquiry(
            try NewInquiry(title: "Price", body: "가격 할인", broadcastID: nil, productID: "i1", author: "lee"),
            now: at(15))
        #expect(try catalog.addAnswer(to: first, body: "내일", author: "admin", now: at(16)))
        #expect(try !catalog.addAnswer(to: 999, body: "x", author: "admin", now: at(16)))
        try catalog.recordSummary(
            BroadcastSummaryRecord(
                broadcastId: "b1", key: "a1", title: "첫 방송", start: at(-60), duration: 3_600.5, mentions: 12,
                figures: "{}", recorded: at(17)))
        try catalog.recordSummary(
            BroadcastSummaryRecord(
                broadcastId: "b1", key: "a2", title: nil, start: nil, duration: 3_600.5, mentions: 13, figures: "{}",
                recorded: at(18)))
    }

    /// Everything the catalog's API reads back, as text.
    private static func dump(_ catalog: Catalog) throws -> [String] {
        var lines: [String] = []
        lines += try catalog.broadcasts().map { "\($0)" }
        lines += try catalog.jobs().map { "\($0)" }
        lines += try catalog.stageRuns().map { "\($0)" }
        lines += try catalog.latestStageStates().map { "\($0)" }
        lines += try catalog.keywordLists().map { "\($0)" }
        lines += try catalog.purchases().map { "\($0)" } + catalog.items().map { "\($0)" }
        lines += try catalog.orderSources().map { "\($0)" } + catalog.productViews().map { "\($0)" }
        lines += try catalog.accounts().map { "\($0.name) \($0.role) \($0.passwordHash)" }
        for search in ["", "가격", "ships", "배송 문의"] {
            let page = try catalog.inquiries(BoardQuery(search: search, pageSize: 1))
            lines.append("search \(search): \(page.total) \(page.pages) \(page.inquiries.map(\.id))")
        }
        lines += try (Int64(1)...2).map { "\(try catalog.inquiry(id: $0) as Any)" }
        lines += try catalog.broadcastSummaries().map { "\($0)" }
        return lines
    }

    /// PostgreSQL reads back what SQLite reads back, field for field (texts, numbers, times, ids, searches).
    @Test(.enabled(if: CatalogEngine.available.contains(.postgresql)))
    func bothEnginesReadBackTheSame() throws {
        let sqlite = try ScratchCatalog(.sqlite), postgres = try ScratchCatalog(.postgresql)
        try Self.fill(sqlite.catalog)
        try Self.fill(postgres.catalog)
        let expected = try Self.dump(sqlite.catalog)
        #expect(expected.count > 20)
        #expect(try Self.dump(postgres.catalog) == expected)
        #expect(postgres.catalog.schemaVersion == (found: 0, current: CatalogSchema.migrations.count))
        #expect(try postgres.reopened().schemaVersion.found == CatalogSchema.migrations.count)
    }

    /// A workspace's SQLite catalog copied into PostgreSQL, and back into a new SQLite file, keeps every row and
    /// id; new rows get ids after the copied ones; a target that holds rows is refused.
    @Test(.enabled(if: CatalogEngine.available.contains(.postgresql)))
    func copiesKeepEveryRow() throws {
        let sqlite = try ScratchCatalog(.sqlite), postgres = try ScratchCatalog(.postgresql)
        try Self.fill(sqlite.catalog)
        let copied = try sqlite.catalog.copy(into: postgres.catalog)
        #expect(copied.first { $0.table == "purchases" }?.rows == 2)
        #expect(try Self.dump(postgres.catalog) == (try Self.dump(sqlite.catalog)))
        let back = try ScratchCatalog(.sqlite)
        _ = try postgres.catalog.copy(into: back.catalog)
        #expect(try Self.dump(back.catalog) == (try Self.dump(sqlite.catalog)))
        let next = try postgres.catalog.startDirectJob(file: "/x.wav", owner: JobOwner(host: "h", pid: 1))
        #expect(next == (try sqlite.catalog.jobs().compactMap(\.id).max() ?? 0) + 1)
        #expect(throws: PipelineError.self) { try sqlite.catalog.copy(into: postgres.catalog) }
    }

    /// A PostgreSQL catalog outlives a database restart: a write while the server is down waits for it, then
    /// lands once.
    @Test(.enabled(if: CatalogEngine.available.contains(.postgresql)))
    func ridesOutADatabaseRestart() throws {
        let scratch = try ScratchCatalog(.postgresql)
        let server = try #require(scratch.server)
        try scratch.catalog.recordBroadcast(id: "before", name: "a.wav", sourcePath: "/a.wav", bytes: 1)
        try server.pause()
        let restart = Thread { [server] in
            Thread.sleep(forTimeInterval: 2)
            try? server.start()
        }
        restart.start()
        try scratch.catalog.recordBroadcast(id: "during", name: "b.wav", sourcePath: "/b.wav", bytes: 2)
        #expect(try scratch.catalog.broadcasts().map(\.id) == ["before", "during"])
    }
}
