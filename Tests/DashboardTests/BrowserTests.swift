import Foundation
import Hummingbird
import HummingbirdTesting
import Insight
import Server
import Testing

@testable import Report

/// The dashboard in a real headless Chromium against a real server on a free port.
@Suite struct BrowserTests {
    /// Where the screenshots go (reported in the test output).
    static let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent(
        "liveinsight-dashboard-screenshots"
    ).path

    /// List and dashboard load without console errors; charts draw; tables sort and search (the mention table page by
    /// page on the server); zoom, tooltips, the product selector and audio seeking work; screenshots are written.
    @Test func dashboardWorksInChromium() async throws {
        let chromium = try ToolRunner.locate("chromium", package: "chromium fonts-nanum")
        let python = try ToolRunner.locate("python3", package: "python3")
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(atPath: Self.screenshots, withIntermediateDirectories: true)
        let app = Application(
            router: DashboardServer(store: WorkspaceStore(root: workspace.root)).router(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let term = "할인"
        let output = try await app.test(.live) { client in
            let port = try #require(client.port)
            return try await ToolRunner.runDetached(
                python,
                [
                    ToolRunner.scripts + "/cdp_check.py", chromium, "http://127.0.0.1:\(port)", "demo-a", term,
                    Self.screenshots,
                ])
        }
        print("dashboard screenshots: \(Self.screenshots)")
        let seen = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        for key in ["listErrors", "dashboardErrors", "transcriptErrors", "historyErrors", "keywordsErrors"] {
            #expect((seen[key] as? [String])?.isEmpty == true, "\(key): \(seen[key] ?? "")")
        }

        let list = seen["list"] as! [String: Any]
        #expect(list["rows"] as? Int == 2)
        #expect(
            (list["links"] as? [[String]])?.allSatisfy { $0[0].hasPrefix("/broadcasts/demo-") && $0[1] == "_blank" }
                == true)
        let ascending = list["ascending"] as? [String] ?? []
        #expect(ascending.count == 2 && ascending == (list["descending"] as? [String] ?? []).reversed())
        #expect(list["searched"] as? Int == 1)
        // Both demo shows started on 2026-11-20: a start date after it hides both, that day keeps both.
        #expect(list["shownFromNextDay"] as? Int == 0 && list["shownFromSameDay"] as? Int == 2)
        #expect(list["injected"] as? Int == 0)

        let dashboard = seen["dashboard"] as! [String: Any]
        let charts = dashboard["charts"] as? [String: Int] ?? [:]
        for chart in [
            "chart-sales", "chart-activity", "chart-gender", "chart-viewers", "chart-reviews-0",
            "cloud-positive-0", "cloud-negative-0", "chart-funnel", "chart-intervals", "chart-products",
        ] {
            #expect((charts[chart] ?? 0) > 0, "\(chart) drew nothing")
        }
        // The topic donut shares out credit of significant keywords only: one slice per credited topic, else none.
        #expect(charts["chart-topics"] == workspace.report.topics.filter { $0.contributionShare > 0 }.count)
        let ments = workspace.report.ments, size = MentionQuery.pageSize, pages = (ments.count + size - 1) / size
        // The server sends one page of the mention table: the first mentions in time order.
        #expect(ments.count > size && dashboard["mentRows"] as? Int == size)
        let times = ments.map(\.mention.time)
        #expect(Self.same(dashboard["mentTimes"], times.prefix(size)))
        #expect(dashboard["pageInfo"] as? String == "1 / \(pages) (\(ments.count))")
        // Every keyword's effect is listed in the report's order with its state; windows after the end are marked.
        let impacts = workspace.report.keywords
        #expect(dashboard["impacts"] as? [[String]] == impacts.map { [$0.name, $0.evidence.rawValue] })
        let afterEnd = { (page: ArraySlice<MentWindow>) in page.filter { $0.coverage == .afterEnd }.count }
        #expect(dashboard["afterEnd"] as? Int == afterEnd(ments.prefix(size)))
        let effectTip = dashboard["effectTip"] as? String ?? ""
        #expect(effectTip.hasPrefix(impacts[0].name + ":") && effectTip.contains("95%"), "\(effectTip)")
        // Its pager, column headings and search box are links and a form the server answers: page 2 holds the next
        // mentions, a heading sorts every mention (again: the other way), a search pages its matches.
        let paged = seen["mentPages"] as! [String: [String: Any]]
        #expect(Self.same(paged["next"]?["times"], times.dropFirst(size).prefix(size)))
        #expect(paged["next"]?["info"] as? String == "2 / \(pages) (\(ments.count))")
        let secondAfterEnd = afterEnd(ments.dropFirst(size).prefix(size))
        #expect(secondAfterEnd > 0 && paged["next"]?["afterEnd"] as? Int == secondAfterEnd)
        #expect(Self.same(paged["previous"]?["times"], times.prefix(size)))
        #expect(Self.same(paged["timeDescending"]?["times"], times.sorted(by: >).prefix(size)))
        let keywords = ments.map(\.mention.keyword).sorted()
        #expect(paged["keywordAscending"]?["keywords"] as? [String] == Array(keywords.prefix(size)))
        let expected = ments.filter { ment in
            [ment.mention.keyword, ment.mention.topic, ment.mention.ment].contains { $0.contains(term) }
        }.count
        #expect(expected > 0 && paged["searched"]?["rows"] as? Int == min(expected, size))
        #expect(paged["searched"]?["info"] as? String == "1 / \((expected + size - 1) / size) (\(expected))")
        #expect(dashboard["zoomed"] as? [Bool] == [true, true])
        #expect(dashboard["reset"] as? Bool == true)
        #expect((dashboard["tooltip"] as? String)?.contains("′") == true)
        #expect(dashboard["reviewShown"] as? [String] == ["P002"])
        #expect(dashboard["injected"] as? Int == 0)
        #expect(
            (dashboard["summary"] as? [String])?[1].replacingOccurrences(of: ",", with: "")
                == "\(workspace.report.summary.unitsSold)")
        #expect((dashboard["findings"] as? Int ?? 0) >= 4)
        // Korean by default; the header's switch shows English instead, never both.
        let before = dashboard["languageBefore"] as? [Int] ?? [], after = dashboard["languageAfter"] as? [Int] ?? []
        #expect(before.count == 2 && before[0] > 20 && before[1] == 0, "\(before)")
        #expect(after.count == 2 && after[0] == 0 && after[1] == before[0], "\(after)")

        // A mention's ▶ starts the dashboard's player half a second before the mention.
        let play = seen["mentionPlay"] as! [String: Any]
        let target = play["seekTarget"] as? Double ?? -9, mentionTime = play["mentionTime"] as? Double ?? 0
        #expect(abs(target - (mentionTime - 0.5)) < 1e-6 && target > 1)
        #expect(abs((play["currentTime"] as? Double ?? -9) - target) < 1)

        let transcript = seen["transcript"] as! [String: Any]
        #expect((transcript["segments"] as? Int ?? 0) > 10)
        #expect((transcript["marks"] as? Int ?? 0) > 0)
        #expect((transcript["duration"] as? Double ?? 0) > 60, "the audio element did not load the recording")
        #expect(abs((transcript["currentTime"] as? Double ?? -9) - (transcript["seekTarget"] as? Double ?? 0)) < 1)

        // Across shows: both demo shows compared, a dot per show on each trend, the weekday × hour grid drawn,
        // the top keywords' row per keyword and column per show; the pooled leaderboard lists every keyword.
        let history = seen["history"] as! [String: Any]
        let shows = DemoWorkspace.ids.count
        #expect(history["compareColumns"] as? Int == shows)
        #expect(history["trendDots"] as? [String: Int] == ["score": shows, "units": shows, "conversion": shows])
        #expect((history["heatmapCells"] as? Int ?? 0) >= 7 * 24)
        let broadcasts = try workspace.broadcasts()
        #expect(history["keywordRows"] as? Int == HistoryPage(broadcasts: broadcasts).topKeywords().count)
        #expect(history["keywordColumns"] as? Int == shows)
        let leaderboard = seen["keywords"] as! [String: Any]
        #expect(leaderboard["rows"] as? Int == LeaderboardPage(broadcasts: broadcasts).effects.count)
        #expect((leaderboard["intervals"] as? Int ?? 0) > 0)
    }

    /// Whether the page's mention times are `times` (to a microsecond: the checkpoint's JSON rounds the last digits).
    private static func same(_ seen: Any?, _ times: ArraySlice<Double>) -> Bool {
        guard let seen = seen as? [Double], seen.count == times.count else { return false }
        return zip(seen, times).allSatisfy { abs($0 - $1) < 1e-6 }
    }
}
