import Foundation
import Insight
import Report
import Testing

/// The review queue's choice of mentions, over the two demo shows.
struct ReviewQueueTests {
    /// Least confident first across shows, at most ``ReviewQueuePage/length``; confirmed mentions and those whose
    /// window lies after the end (they count in no figure) are left out.
    @Test func queuesTheLeastConfidentThatCount() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        var shows = try workspace.broadcasts()
        for (show, index) in shows.indices.flatMap({ s in shows[s].report.ments.indices.map { (s, $0) } }) {
            shows[show].report.ments[index].mention.confidence = Double((show * 7 + index) * 37 % 100) / 100
        }
        shows[1].report.ments[0].mention.confirmedBy = "kim"
        let page = ReviewQueuePage(
            broadcasts: shows, viewer: PageViewer(account: "kim", role: .analyst, csrfToken: "t"), takesVerdicts: true)
        let counting = shows.flatMap { show in
            show.report.ments.filter { $0.coverage != .afterEnd && $0.mention.confirmedBy == nil }.map(\.mention)
        }
        #expect(counting.count > ReviewQueuePage.length)
        let queued = page.queue.map(\.mention)
        #expect(queued.map(\.confidence) == Array(counting.map(\.confidence).sorted().prefix(ReviewQueuePage.length)))
        #expect(!queued.contains { $0.confirmedBy != nil })
        #expect(page.html().components(separatedBy: "value=\"rejected\"").count == ReviewQueuePage.length + 1)
    }
}
