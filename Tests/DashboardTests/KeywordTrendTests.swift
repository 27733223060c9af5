import Foundation
import Testing

@testable import Report

/// The history page's trend of top keywords.
struct KeywordTrendTests {
    /// One row per leading keyword (most often significant first), one column per show, each cell that show's
    /// own uplift for the keyword, marked ✓ exactly where it is significant.
    @Test func cellsAreEachShowsUplift() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let shows = try workspace.broadcasts()
        let page = HistoryPage(broadcasts: shows)
        let top = page.topKeywords()
        #expect(!top.isEmpty && top.count <= 6)
        let significantShows = { (name: String) in
            shows.filter { $0.report.keywords.contains { $0.name == name && $0.significant } }.count
        }
        #expect(top.map(significantShows) == top.map(significantShows).sorted(by: >))
        let table = try #require(
            page.html().components(separatedBy: "id=\"trend-keywords\"").last?
                .components(separatedBy: "</table>").first)
        let rows = table.components(separatedBy: "<tr><td>").dropFirst()
        #expect(rows.count == top.count)
        for (row, name) in zip(rows, top) {
            #expect(row.hasPrefix(name))
            #expect(row.components(separatedBy: "<td class=\"num\">").count - 1 == shows.count)
            for show in shows {
                let impact = show.report.keywords.first { $0.name == name }
                #expect(row.contains(HistoryPage.upliftCell(impact)))
                if let impact, let uplift = impact.uplift {
                    #expect(HistoryPage.upliftCell(impact).contains("×" + Format.decimal(uplift, 2)))
                    #expect(HistoryPage.upliftCell(impact).contains("✓") == impact.significant)
                }
            }
        }
    }
}
