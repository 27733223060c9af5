import Foundation
import Hummingbird
import HummingbirdTesting
import Insight
import Report
import Server
import Testing

/// The dashboard's mention table, paged, sorted and searched by the server (`MentionQuery`).
@Suite struct MentionPagingRouteTests {
    /// The mention rows of the page at `uri` on a server over the demo workspace.
    private func rows(_ uri: String, workspace: DemoWorkspace) async throws -> [String] {
        let app = Application(router: DashboardServer(store: WorkspaceStore(root: workspace.root)).router())
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(uri)")
                return Self.mentRows(String(buffer: response.body))
            }
        }
    }

    /// The mention table's rows in `page`, each from its class attribute on.
    private static func mentRows(_ page: String) -> [String] {
        let parts = page.components(separatedBy: "id=\"ments\"")
        let body = parts.count > 1 ? parts[1].components(separatedBy: "</tbody>")[0] : ""
        return Array(body.components(separatedBy: "<tr class=").dropFirst())
    }

    /// A row's mention time (its first cell's sort value); -1 when it has none.
    private func time(_ row: String) -> Double {
        row.firstMatch(of: /data-sort="([^"]+)"/).flatMap { Double($0.1) } ?? -1
    }

    /// The first page holds the first mentions in time order, page 2 the next ones, a page past the end the last.
    @Test func pagesInTimeOrder() async throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let times = workspace.report.ments.map(\.mention.time), size = MentionQuery.pageSize
        #expect(times.count > size && times.count <= 2 * size)
        #expect(try await rows("/broadcasts/demo-a", workspace: workspace).map(time) == Array(times.prefix(size)))
        let second = try await rows("/broadcasts/demo-a?page=2", workspace: workspace).map(time)
        #expect(second == Array(times.dropFirst(size)))
        #expect(try await rows("/broadcasts/demo-a?page=9", workspace: workspace).map(time) == second)
    }

    /// `sort` orders every mention before paging; `-` reverses it.
    @Test func sortsEveryMention() async throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let ments = workspace.report.ments, size = MentionQuery.pageSize
        let latest = try await rows("/broadcasts/demo-a?sort=-time", workspace: workspace).map(time)
        #expect(latest == Array(ments.map(\.mention.time).sorted(by: >).prefix(size)))
        let byKeyword = try await rows("/broadcasts/demo-a?sort=keyword&page=2", workspace: workspace)
        let keywords = ments.map(\.mention.keyword).sorted().dropFirst(size)
        #expect(byKeyword.count == keywords.count)
        #expect(zip(byKeyword, keywords).allSatisfy { row, keyword in row.contains("<td>\(keyword)</td>") })
    }

    /// `sort=confidence` puts the least certain mentions first, each row showing its confidence as a percentage.
    @Test func sortsByConfidence() async throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        var report = workspace.report
        for index in report.ments.indices { report.ments[index].mention.confidence = Double(index * 37 % 100) / 100 }
        try DemoWorkspace.encoder.encode(report).write(
            to: URL(fileURLWithPath: workspace.root + "/broadcasts/demo-a/alignment.json"))
        let least = try await rows("/broadcasts/demo-a?sort=confidence", workspace: workspace)
        let expected = report.ments.map(\.mention.confidence).sorted().prefix(MentionQuery.pageSize)
        #expect(least.map(confidence) == Array(expected))
        #expect(least.first?.contains(">0%</td>") == true)
        let most = try await rows("/broadcasts/demo-a?sort=-confidence", workspace: workspace)
        #expect(most.map(confidence).first == report.ments.map(\.mention.confidence).max())
    }

    /// A row's confidence: the second cell with a sort value (after the time).
    private func confidence(_ row: String) -> Double {
        Double(row.matches(of: /data-sort="([^"]+)"/).dropFirst().first?.1 ?? "") ?? -1
    }

    /// `q` keeps the mentions whose keyword, topic or ment contains it; a form's `+` is a space.
    @Test func searchesOnTheServer() async throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let term = "무료 배송"
        let matching = workspace.report.ments.filter { ment in
            [ment.mention.keyword, ment.mention.topic, ment.mention.ment].contains { $0.contains(term) }
        }
        #expect(!matching.isEmpty && matching.count <= MentionQuery.pageSize)
        let found = try await rows("/broadcasts/demo-a?q=%EB%AC%B4%EB%A3%8C+%EB%B0%B0%EC%86%A1", workspace: workspace)
        #expect(found.map(time) == matching.map(\.mention.time))
    }

    /// The stand-alone HTML report keeps every mention (it is read offline and printed).
    @Test func theExportKeepsEveryRow() async throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-a")
        let page = DashboardPage(broadcast: broadcast, assets: .inline).html()
        #expect(Self.mentRows(page).count == workspace.report.ments.count)
    }

    /// Query strings parse as forms do; unknown values keep the defaults.
    @Test func parsesQueries() {
        #expect(
            MentionQuery(query: "page=3&sort=-excess&q=a+b%21")
                == MentionQuery(page: 3, sort: .excess, descending: true, search: "a b!"))
        #expect(MentionQuery(query: "page=x&sort=colour") == MentionQuery())
        #expect(MentionQuery(query: nil) == MentionQuery())
        #expect(MentionQuery(query: "page=0").page == 1)
    }
}
