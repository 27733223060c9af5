import Commerce
import Formatting
import Foundation
import Markup

/// Where the dashboard's customers pages get their data: the catalog's purchases (empty: none imported
/// yet), the shows with an event log, and one show's audience.
public protocol CustomerSource: Sendable {
    func purchases() throws(ReportError) -> [Purchase]
    /// Broadcasts whose event log names viewers: id and name, for the customers page's list of shows.
    func shows() throws(ReportError) -> [ShowLink]
    /// One show's audience; nil when the broadcast is unknown or has no event log.
    func audience(broadcast id: String) throws(ReportError) -> ShowInsight?
}

extension CustomerSource {
    public func shows() throws(ReportError) -> [ShowLink] { [] }
    public func audience(broadcast id: String) throws(ReportError) -> ShowInsight? { nil }
}

/// A show listed on the customers page.
public struct ShowLink: Sendable, Equatable {
    public var id: String
    public var name: String
    public init(id: String, name: String) { (self.id, self.name) = (id, name) }
}

/// The customers page: the segment table (customers, shares, revenue), the R × F heat map with the
/// scoring method's boundaries, and, given an earlier date, how customers moved between segments since.
/// Figures from `Commerce.RFMAnalysis` (Docs/customers.md).
public struct CustomersPage {
    public var analysis: RFMAnalysis?
    /// Moves since `compared` (customers whose segment changed, and new customers).
    public var movement: [SegmentMove]?
    public var compared: Date?
    /// Shows whose audience pages are linked.
    public var shows: [ShowLink]

    public init(analysis: RFMAnalysis?, movement: [SegmentMove]? = nil, compared: Date? = nil, shows: [ShowLink] = []) {
        (self.analysis, self.movement, self.compared, self.shows) = (analysis, movement, compared, shows)
    }

    /// The page for `purchases`, comparing with the end of day `compare` (YYYY-MM-DD) when given and valid.
    public init(purchases: [Purchase], compare: String?, shows: [ShowLink] = []) {
        guard !purchases.isEmpty else { self.init(analysis: nil, shows: shows); return }
        let analysis = RFMAnalysis(purchases: purchases)
        guard let compare, compare.count == 10, let day = OrderTime.parse(compare) else {
            self.init(analysis: analysis, shows: shows); return
        }
        let end = day.addingTimeInterval(86_400)
        self.init(
            analysis: analysis, movement: RFMAnalysis(purchases: purchases, asOf: end).movement(to: analysis),
            compared: end, shows: shows)
    }

    public func html() -> String {
        let header = "<h1>고객 Customers</h1><nav><a href=\"/\">방송 목록 Broadcasts</a></nav>"
        guard let analysis else {
            let body =
                "<section><p id=\"no-customers\">No purchases in the catalog yet: <code>liveinsight orders import FILE"
                + "</code>.</p></section>"
            return PageShell(title: "LiveInsight · Customers", assets: .linked).render(header: header, body: body)
        }
        var rows = ""
        for segment in analysis.segments.sorted(by: { $0.revenue > $1.revenue }) {
            rows +=
                "<tr><td>\(MarkupText.escape(segment.segment.rawValue))</td>"
                + "<td class=\"num\" data-sort=\"\(segment.customers)\">"
                + "\(NumberText.grouped(Double(segment.customers)))</td>"
                + "<td class=\"num\" data-sort=\"\(segment.customerShare)\">"
                + "\(NumberText.percent(segment.customerShare))</td>"
                + "<td class=\"num\" data-sort=\"\(segment.revenue)\">\(NumberText.grouped(segment.revenue))</td>"
                + "<td class=\"num\" data-sort=\"\(segment.revenueShare)\">"
                + "\(NumberText.percent(segment.revenueShare))</td></tr>"
        }
        let largest = max(analysis.heatMap.flatMap { $0 }.max() ?? 1, 1)
        var heat = "<tr><th>R ↓  F →</th>" + (1...5).map { "<th class=\"num\">F\($0)</th>" }.joined() + "</tr>"
        for r in (1...5).reversed() {
            heat += "<tr><th>R\(r)</th>"
            for f in 1...5 {
                let count = analysis.heatMap[r - 1][f - 1]
                // Ten shades in the stylesheet (`.heat-0` … `.heat-9`): the page's CSP allows no inline style.
                let shade = min(9, count * 10 / largest)
                heat +=
                    "<td class=\"num heat heat-\(shade)\" data-r=\"\(r)\" data-f=\"\(f)\" "
                    + "title=\"\(MarkupText.escape(RFMSegment(r: r, f: f).rawValue))\">\(count)</td>"
            }
            heat += "</tr>"
        }
        var moves = ""
        for move in (movement ?? []) where move.from != move.to {
            moves +=
                "<tr><td>\(MarkupText.escape(move.from?.rawValue ?? "(new)"))</td><td>"
                + "\(MarkupText.escape(move.to.rawValue))</td>"
                + "<td class=\"num\" data-sort=\"\(move.customers)\">\(move.customers)</td></tr>"
        }
        let comparedDay = compared.map { OrderTime.day($0.addingTimeInterval(-86_400)) }
        let movementTable =
            movement == nil
            ? ""
            : "<table class=\"sortable\" id=\"movement\"><thead><tr><th>From</th><th>To</th>"
                + "<th class=\"num\">Customers</th></tr></thead><tbody>\(moves)</tbody></table>"
        let movementSection = """
            <section><h2>이동 Movement\(comparedDay.map { " since \($0)" } ?? "")</h2>
            <form method="get" action="/customers">\
            <label>Compare with the end of <input type="date" name="compare" value="\(comparedDay ?? "")"></label>
            <button type="submit">Compare</button></form>
            \(movementTable)</section>
            """
        let showList = shows.map {
            "<li><a href=\"/customers/shows/\(PageShell.pathSegment($0.id))\">\(MarkupText.escape($0.name))</a></li>"
        }.joined()
        let showsSection =
            shows.isEmpty ? "" : "<section><h2>방송별 시청자 Shows' audiences</h2><ul id=\"shows\">\(showList)</ul></section>"
        func boundaries(_ values: [Double]) -> String { values.map { Format.decimal($0, 0) }.joined(separator: " / ") }
        let body = """
            <section><h2>세그먼트 Segments (\(analysis.customers.count) customers, as of\
             \(OrderTime.day(analysis.referenceDate)))</h2>
            <table class="sortable" id="segments"><thead><tr><th>Segment</th><th class="num">Customers</th>\
            <th class="num">Share</th>
            <th class="num">Revenue</th><th class="num">Revenue share</th></tr></thead><tbody>\(rows)</tbody></table>\
            </section>
            <section><h2>R × F</h2><p>Customers per recency score (rows, 5 = most recent) and frequency score\
             (columns).</p>
            <table id="rf-heatmap">\(heat)</table>
            <p class="method">Scores 1–5 by quintiles (nearest-rank 20/40/60/80th percentiles; equal values share a\
             score).
            Boundaries: recency \(boundaries(analysis.recencyBoundaries)) days, frequency\
             \(boundaries(analysis.frequencyBoundaries)) orders,
            monetary \(boundaries(analysis.monetaryBoundaries)).</p></section>
            \(movementSection)
            \(showsSection)
            """
        return PageShell(title: "LiveInsight · Customers", assets: .linked).render(header: header, body: body)
    }
}
