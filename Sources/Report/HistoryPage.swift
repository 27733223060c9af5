import Formatting
import Foundation
import Insight
import Markup

/// Across shows: the chosen broadcasts side by side, trends of score, units and conversion over time, and when
/// sales happen (units by weekday × hour of day, Korea time, over every minute of every show), and the top
/// keywords' uplift show by show.
public struct HistoryPage {
    /// The broadcasts, any order (the page sorts them by date).
    public var broadcasts: [Broadcast]
    /// Ids to compare side by side (empty: every broadcast).
    public var compare: [String]

    /// Creates the page.
    public init(broadcasts: [Broadcast], compare: [String] = []) {
        (self.broadcasts, self.compare) = (broadcasts, compare)
    }

    /// Units sold per weekday (0 = Monday … 6 = Sunday) and hour (0–23), Korea time; shows without a start
    /// are left out.
    public var unitsByWeekdayHour: [[Int]] {
        var grid = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul")!
        for broadcast in broadcasts {
            guard let start = broadcast.entry.date else { continue }
            for point in broadcast.report.timeline where point.counts.units > 0 {
                let moment = start.addingTimeInterval(Double(point.minute) * 60)
                let weekday = (calendar.component(.weekday, from: moment) + 5) % 7  // Sunday = 1 → 6, Monday = 2 → 0
                grid[weekday][calendar.component(.hour, from: moment)] += point.counts.units
            }
        }
        return grid
    }

    /// The page's HTML (assets linked from the server).
    public func html() -> String {
        let sorted = broadcasts.sorted {
            ($0.entry.date ?? .distantPast, $0.entry.id) < ($1.entry.date ?? .distantPast, $1.entry.id)
        }
        let chosen = compare.isEmpty ? sorted : sorted.filter { compare.contains($0.entry.id) }
        let scoreTrend = trend(
            "trend-score", sorted, format: { Format.decimal($0) }, value: { $0.report.summary.totalScore })
        let unitsTrend = trend(
            "trend-units", sorted, format: { NumberText.grouped($0) }, value: { Double($0.report.summary.unitsSold) })
        let conversionTrend = trend(
            "trend-conversion", sorted, format: { NumberText.percent($0) }, value: { $0.report.funnel.cartToPurchase })
        let body =
            "<section class=\"wide\" id=\"comparison\"><h2>방송 비교 Shows side by side (\(chosen.count))</h2>"
            + "\(comparison(chosen))</section>"
            + "<div class=\"grid\">"
            + "<section><h2>점수 추이 Score over shows</h2>\(scoreTrend)</section>"
            + "<section><h2>판매 수량 추이 Units over shows</h2>\(unitsTrend)</section>"
            + "<section><h2 data-tip=\"장바구니에 담은 시청자 중 구매한 비율. Distinct carters who bought.\">"
            + "전환율 추이 Cart → purchase over shows</h2>"
            + "\(conversionTrend)</section>"
            + "<section><h2 data-tip=\"모든 방송의 분 단위 판매 수량을 한국 시간 요일·시각별로 합산. "
            + "Units of every minute of every show, by weekday and hour (Korea time).\">"
            + "요일·시간대별 판매 Units by weekday and hour</h2>\(heatmap())</section></div>"
            + "<section class=\"wide\"><h2 data-tip=\"여러 방송에서 가장 자주 유의했던 키워드의 방송별 구매율 배수(✓: 보정 후 유의). "
            + "Uplift of the keywords that lead across shows, show by show (✓: significant after correction).\">"
            + "상위 키워드 추이 Top keywords over shows</h2>\(keywordTrend(sorted))</section>"
        return PageShell(title: "방송 비교 · LiveInsight", assets: .linked)
            .render(
                header:
                    "<h1>방송 비교·추이 Shows compared</h1><span class=\"noprint\"><a href=\"/\">목록 List</a> · "
                    + "<a href=\"/keywords\">키워드 순위 Keyword leaderboard</a></span>",
                body: body)
    }

    private func comparison(_ shows: [Broadcast]) -> String {
        let metrics: [(String, (Broadcast) -> String)] = [
            ("날짜 Date", { Format.date($0.entry.date) }),
            ("길이 Length", { NumberText.clock($0.report.duration) }),
            ("종합 점수 Score", { Format.decimal($0.report.summary.totalScore) }),
            ("판매 수량 Units", { NumberText.grouped(Double($0.report.summary.unitsSold)) }),
            ("매출 Revenue", { NumberText.won($0.report.summary.revenue) }),
            ("달성률 Achievement", { $0.report.summary.achievementRate.map { NumberText.percent($0) } ?? "–" }),
            ("최대 시청자 Peak viewers", { $0.report.summary.peakViewers.map(NumberText.grouped) ?? "–" }),
            (
                "시청→장바구니 Viewed → carted",
                { $0.report.funnel.viewToCart.map { NumberText.percent($0) } ?? "–" }
            ),
            ("장바구니→구매 Carted → bought", { $0.report.funnel.cartToPurchase.map { NumberText.percent($0) } ?? "–" }),
            (
                "유의한 키워드 Significant keywords",
                { show in
                    let names = show.report.keywords.filter(\.significant).map {
                        "\($0.name) ×\(Format.decimal($0.uplift ?? 1, 2))"
                    }
                    return names.isEmpty
                        ? "없음 none (\(show.report.summary.testedKeywords))" : names.joined(separator: ", ")
                }
            ),
        ]
        let head = shows.map {
            "<th><a href=\"/broadcasts/\(PageShell.pathSegment($0.entry.id))\">"
                + "\(MarkupText.escape($0.entry.title))</a></th>"
        }.joined()
        let rows = metrics.map { name, value in
            "<tr><td>\(name)</td>" + shows.map { "<td>\(MarkupText.escape(value($0)))</td>" }.joined() + "</tr>"
        }.joined()
        return
            "<div class=\"scroll\"><table id=\"compare\"><thead><tr><th></th>\(head)</tr></thead>"
            + "<tbody>\(rows)</tbody></table></div>"
    }

    /// One value per show in date order, as a line with a dot per show (hover: title, date, value).
    private func trend(
        _ id: String, _ shows: [Broadcast], format: (Double) -> String, value: (Broadcast) -> Double?
    ) -> String {
        let points = shows.enumerated().compactMap { index, show in value(show).map { (index, show, $0) } }
        let frame = ChartFrame(
            xDomain: 0...Double(max(shows.count - 1, 1)), yDomain: ChartFrame.yRange(points.map(\.2)))
        var svg =
            "<svg class=\"chart trend\" id=\"\(id)\" viewBox=\"0 0 \(Int(frame.width)) \(Int(frame.height))\""
            + " role=\"img\">"
        for tick in ChartFrame.ticks(frame.yDomain) {
            svg +=
                "<line class=\"grid\" x1=\"\(frame.left)\" x2=\"\(frame.plotRight)\""
                + " y1=\"\(Format.px(frame.y(tick)))\" y2=\"\(Format.px(frame.y(tick)))\"/>"
                + "<text class=\"tick\" x=\"\(frame.left - 6)\" y=\"\(Format.px(frame.y(tick)))\" text-anchor=\"end\""
                + " dominant-baseline=\"middle\">\(format(tick))</text>"
        }
        let line = points.map { "\(Format.px(frame.x(Double($0.0)))),\(Format.px(frame.y($0.2)))" }.joined(
            separator: " ")
        svg += "<polyline class=\"series\" fill=\"none\" stroke=\"#4e79a7\" points=\"\(line)\"/>"
        for (index, show, value) in points {
            let (x, y) = (Format.px(frame.x(Double(index))), Format.px(frame.y(value)))
            let tip = "\(show.entry.title) (\(Format.date(show.entry.date))): \(format(value))"
            svg +=
                "<circle class=\"dot\" r=\"3.5\" fill=\"#4e79a7\" cx=\"\(x)\" cy=\"\(y)\""
                + " data-tip=\"\(MarkupText.escape(tip))\"/>"
            let label = show.entry.date.map { String(Format.date($0).dropFirst(5).prefix(5)) } ?? "#\(index + 1)"
            svg +=
                "<text class=\"tick\" x=\"\(x)\" y=\"\(Format.px(frame.plotBottom + 16))\" text-anchor=\"middle\">"
                + "\(label)</text>"
        }
        return svg + "</svg>"
    }

    private func heatmap() -> String {
        let grid = unitsByWeekdayHour, most = max(grid.flatMap { $0 }.max() ?? 0, 1)
        let days = ["월", "화", "수", "목", "금", "토", "일"], (left, top, cell) = (30.0, 8.0, 24.0)
        var svg =
            "<svg class=\"chart heatmap\" id=\"chart-weekday-hour\""
            + " viewBox=\"0 0 \(Int(left + 24 * cell + 8)) \(Int(top + 7 * cell + 24))\" role=\"img\">"
        for (day, hours) in grid.enumerated() {
            svg +=
                "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(Format.px(top + Double(day) * cell + 16))\""
                + " text-anchor=\"end\">\(days[day])</text>"
            for (hour, units) in hours.enumerated() {
                let opacity = units == 0 ? 0.04 : 0.15 + 0.85 * Double(units) / Double(most)
                svg +=
                    "<rect class=\"bar\" x=\"\(Format.px(left + Double(hour) * cell))\""
                    + " y=\"\(Format.px(top + Double(day) * cell))\" width=\"\(cell - 2)\" height=\"\(cell - 2)\""
                    + " fill=\"#4e79a7\" fill-opacity=\"\(Format.decimal(opacity, 2))\""
                    + " data-tip=\"\(days[day])요일 \(hour)시: \(units)개 units\"/>"
            }
        }
        for hour in stride(from: 0, to: 24, by: 3) {
            svg +=
                "<text class=\"tick\" x=\"\(Format.px(left + Double(hour) * cell + cell / 2))\""
                + " y=\"\(Format.px(top + 7 * cell + 14))\" text-anchor=\"middle\">\(hour)시</text>"
        }
        return svg + "</svg>"
    }
}
