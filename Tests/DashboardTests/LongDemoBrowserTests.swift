import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@testable import Report

/// Issue #22 item 9 in a real headless Chromium: the demo kit's long show leads its dashboard with the planted
/// keywords, and its shows fill the comparison, the weekday × hour view and the pooled leaderboard.
@Suite struct LongDemoBrowserTests {
    @Test func plantedKeywordsLeadTheLongShowAndTheShowsFillTheHistory() async throws {
        let chromium = try ToolRunner.locate("chromium", package: "chromium fonts-nanum")
        let python = try ToolRunner.locate("python3", package: "python3")
        let shows = try DemoShowsWorkspace()
        defer { shows.remove() }
        let long = try #require(shows.plans.first)
        try FileManager.default.createDirectory(atPath: BrowserTests.screenshots, withIntermediateDirectories: true)
        let store = WorkspaceStore(root: shows.root)
        let app = Application(
            router: DashboardServer(store: store).router(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let output = try await app.test(.live) { client in
            let port = try #require(client.port)
            return try await ToolRunner.runDetached(
                python,
                [
                    ToolRunner.scripts + "/long_demo_check.py", chromium,
                    "http://127.0.0.1:\(port)", long.name, BrowserTests.screenshots,
                ])
        }
        let seen = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        for key in ["dashboardErrors", "historyErrors", "keywordsErrors"] {
            #expect((seen[key] as? [String])?.isEmpty == true, "\(key): \(seen[key] ?? "")")
        }
        // The dashboard lists the three planted keywords first, each marked significant, and no other as significant.
        let impacts = seen["impacts"] as? [[String]] ?? []
        let planted = Set(long.planted.keys)
        #expect(Set(impacts.prefix(3).map { $0[0] }) == planted, "\(impacts.prefix(5))")
        #expect(impacts.prefix(3).allSatisfy { $0[1] == "significant" })
        #expect(impacts.dropFirst(3).allSatisfy { $0[1] != "significant" })
        // Every show is compared, one trend mark each, and units land in each show's weekday and hour slots.
        let history = seen["history"] as? [String: Int] ?? [:]
        #expect(history["shows"] == shows.plans.count && history["trendMarks"] == shows.plans.count)
        let grid = HistoryPage(broadcasts: try shows.plans.map { try store.broadcast(id: $0.name) }).unitsByWeekdayHour
        let slots = grid.flatMap { $0 }.filter { $0 > 0 }.count
        #expect(slots >= shows.plans.count && history["heatCells"] == slots)
        // Pooled over the shows, the planted keywords lead the leaderboard too.
        let pooled = seen["pooled"] as? [[String]] ?? []
        #expect(Set(pooled.prefix(3).map { $0[0] }) == planted, "\(pooled.prefix(5))")
        #expect(pooled.prefix(3).allSatisfy { $0[1] == "significant" })
    }
}
