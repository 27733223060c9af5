import Formatting
import Foundation
import Insight
import Testing

@testable import Report

/// How the dashboard presents effects: on a simulated 100-minute show with planted effects the planted keywords
/// lead the page as significant, with intervals, and nothing else is credited.
@Suite struct InsightPresentationTests {
    static let planted: [String: Double] = ["할인": 2.5, "사은품": 2.0, "무료 배송": 1.8]

    /// A 100-minute show from the demo's keyword list and planted effects (seed 1 of the acceptance tests).
    static func longShow() throws -> Broadcast {
        var setup = SimulatedShow.Setup(
            keywords: try KeywordList.load(path: DemoWorkspace.samples + "/demo-broadcast.keywords.csv"),
            planted: planted)
        setup.peakViewers = 2_500
        let show = SimulatedShow(setup: setup)
        let report = show.analyse()
        let entry = BroadcastEntry(
            id: "long", title: "100분 시뮬레이션", date: nil, duration: setup.duration, stages: [], summary: report.summary)
        return Broadcast(entry: entry, report: report, transcript: show.transcript, reviews: nil)
    }

    /// Rows of a table on the page: (row class, first cell's text).
    static func rows(_ html: String, table id: String) throws -> [(state: String, name: String)] {
        let start = try #require(html.range(of: "id=\"\(id)\""))
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let body = String(html[start.upperBound..<end.lowerBound])
        let pattern = try Regex(#"<tr class="([a-z-]+)"[^>]*><td>([^<]*)</td>"#)
        return body.matches(of: pattern).map { match in
            (String(match.output[1].substring ?? ""), String(match.output[2].substring ?? ""))
        }
    }

    /// The three planted keywords head the effects table as significant, every other keyword follows as not
    /// enough evidence, and the findings name the planted ones with their intervals.
    @Test func plantedKeywordsLeadTheDashboard() throws {
        let broadcast = try Self.longShow()
        let html = DashboardPage(broadcast: broadcast, assets: .inline).html()
        let rows = try Self.rows(html, table: "impacts")
        #expect(rows.count == broadcast.report.keywords.count)
        #expect(Set(rows.prefix(3).map(\.name)) == Set(Self.planted.keys))
        #expect(rows.prefix(3).allSatisfy { $0.state == "significant" })
        #expect(rows.dropFirst(3).allSatisfy { $0.state == "not-enough-evidence" })
        let findings = Findings(broadcast).sentences.map(\.korean).joined(separator: " ")
        for keyword in Self.planted.keys {
            #expect(findings.contains("‘\(keyword)’ ×"), "\(keyword) missing from the findings")
        }
        #expect(findings.contains("3개가 보정 후에도 유의합니다"))
    }

    /// The topic donut shares out only the planted keywords' topics.
    @Test func donutSharesOnlySignificantTopics() throws {
        let broadcast = try Self.longShow()
        let html = DashboardPage(broadcast: broadcast, assets: .inline).html()
        let start = try #require(html.range(of: "id=\"chart-topics\""))
        let donut = String(
            html[
                start
                    .upperBound..<(html.range(of: "</svg>", range: start.upperBound..<html.endIndex)?.lowerBound
                    ?? html.endIndex)])
        let slices = donut.matches(of: try Regex(#"data-tip="([^":]+):"#)).map { String($0.output[1].substring ?? "") }
        #expect(Set(slices) == ["가격/할인", "구성/사은품", "배송"])
    }

    /// The first minute's viewer change counts from the first sample (not +0), and the donut's tips give each
    /// topic's share once (not "38.8% (38.8%)").
    @Test func viewerChangesAndDonutTips() throws {
        let broadcast = try Self.longShow()
        let html = DashboardPage(broadcast: broadcast, assets: .inline).html()
        let first = broadcast.report.timeline[0]
        let change = try #require(first.viewers) - (try #require(first.firstViewers))
        #expect(change > 0, "the simulated audience grows during the first minute")
        #expect(html.contains("data-tip=\"0′: +\(NumberText.grouped(change))\""))
        let donut =
            html.components(separatedBy: "id=\"chart-topics\"").last?.components(separatedBy: "</svg>").first ?? ""
        let tips = donut.matches(of: try Regex(#"data-tip="([^"]*)""#)).map { String($0.output[1].substring ?? "") }
        #expect(tips.count == 3 && tips.allSatisfy { !$0.contains("(") && $0.hasSuffix("%") }, "\(tips)")
    }

    /// Our own "한국어 English" labels are split for the language switch; user text (titles, ments) never is.
    @Test func splitsOnlyOurLabels() {
        #expect(
            Bilingual.split("<h2>요약 Summary</h2>")
                == "<h2><span lang=\"ko\">요약</span><span lang=\"en\">Summary</span></h2>")
        #expect(
            Bilingual.split("<h2>키워드 효과 Keyword effects <span class=\"zoom-note\">(x)</span></h2>")
                == "<h2><span lang=\"ko\">키워드 효과</span><span lang=\"en\">Keyword effects</span> "
                + "<span class=\"zoom-note\">(x)</span></h2>"
        )
        #expect(
            Bilingual.split("<th class=\"num\" data-tip=\"팁 Tip\">보정 p Adj. p</th>")
                == "<th class=\"num\" data-tip=\"팁 Tip\"><span lang=\"ko\">보정 p</span>"
                + "<span lang=\"en\">Adj. p</span></th>"
        )
        for untouched in [
            "<h1>겨울 니트 SALE 라이브</h1>", "<td>오늘 할인 SALE 이에요</td>", "<option>울 니트 Wool</option>", "<h2>Summary 요약</h2>",
        ] {
            #expect(Bilingual.split(untouched) == untouched)
        }
    }

    /// Particles follow the final consonant of the word before them.
    @Test func particlesFollowTheFinalConsonant() {
        #expect(["서비스", "사이즈", "마스크팩", "품질", "할인", "배송"].map(Particle.subject) == ["가", "가", "이", "이", "이", "이"])
        #expect(["마스크팩", "서비스", "품질"].map(Particle.direction) == ["으로", "로", "로"])
        #expect(["가격/할인", "SALE"].map(Particle.topic) == ["은", "는"])
    }
}
