import Commerce
import Foundation
import Markup

/// Where the dashboard's customers page gets its figures: RFM over the catalog's purchases (nil: none yet).
public protocol CustomerSource: Sendable {
    func customers() throws(ReportError) -> RFMAnalysis?
}

/// The customers page: the segment table (customers, shares, revenue) and the R × F heat map, with the
/// scoring method's boundaries. Figures from `Commerce.RFMAnalysis` (Docs/customers.md).
public struct CustomersPage {
    public var analysis: RFMAnalysis?

    public init(analysis: RFMAnalysis?) { self.analysis = analysis }

    public func html() -> String {
        let header = "<h1>고객 Customers</h1><nav><a href=\"/\">방송 목록 Broadcasts</a></nav>"
        guard let analysis else {
            let body = "<section><p id=\"no-customers\">No purchases in the catalog yet: <code>liveinsight orders import FILE</code>.</p></section>"
            return PageShell(title: "LiveInsight · Customers", assets: .linked).render(header: header, body: body)
        }
        var rows = ""
        for segment in analysis.segments.sorted(by: { $0.revenue > $1.revenue }) {
            rows += "<tr><td>\(MarkupText.escape(segment.segment.rawValue))</td>"
                + "<td class=\"num\" data-sort=\"\(segment.customers)\">\(Format.integer(Double(segment.customers)))</td>"
                + "<td class=\"num\" data-sort=\"\(segment.customerShare)\">\(Format.percent(segment.customerShare))</td>"
                + "<td class=\"num\" data-sort=\"\(segment.revenue)\">\(Format.integer(segment.revenue))</td>"
                + "<td class=\"num\" data-sort=\"\(segment.revenueShare)\">\(Format.percent(segment.revenueShare))</td></tr>"
        }
        let largest = max(analysis.heatMap.flatMap { $0 }.max() ?? 1, 1)
        var heat = "<tr><th>R \\ F</th>" + (1...5).map { "<th class=\"num\">F\($0)</th>" }.joined() + "</tr>"
        for r in (1...5).reversed() {
            heat += "<tr><th>R\(r)</th>"
            for f in 1...5 {
                let count = analysis.heatMap[r - 1][f - 1]
                let alpha = String(format: "%.2f", 0.08 + 0.8 * Double(count) / Double(largest))
                heat += "<td class=\"num heat\" data-r=\"\(r)\" data-f=\"\(f)\" style=\"background: rgba(37, 99, 235, \(alpha))\" "
                    + "title=\"\(MarkupText.escape(RFMSegment(r: r, f: f).rawValue))\">\(count)</td>"
            }
            heat += "</tr>"
        }
        func boundaries(_ values: [Double]) -> String { values.map { Format.decimal($0, 0) }.joined(separator: " / ") }
        let body = """
        <section><h2>세그먼트 Segments (\(analysis.customers.count) customers, as of \(OrderTime.day(analysis.referenceDate)))</h2>
        <table class="sortable" id="segments"><thead><tr><th>Segment</th><th class="num">Customers</th><th class="num">Share</th>
        <th class="num">Revenue</th><th class="num">Revenue share</th></tr></thead><tbody>\(rows)</tbody></table></section>
        <section><h2>R × F</h2><p>Customers per recency score (rows, 5 = most recent) and frequency score (columns).</p>
        <table id="rf-heatmap">\(heat)</table>
        <p class="method">Scores 1–5 by quintiles (nearest-rank 20/40/60/80th percentiles; equal values share a score).
        Boundaries: recency \(boundaries(analysis.recencyBoundaries)) days, frequency \(boundaries(analysis.frequencyBoundaries)) orders,
        monetary \(boundaries(analysis.monetaryBoundaries)).</p></section>
        """
        return PageShell(title: "LiveInsight · Customers", assets: .linked).render(header: header, body: body)
    }
}
