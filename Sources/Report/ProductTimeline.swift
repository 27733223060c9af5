import Formatting
import Insight
import Markup

/// Which product was selling when: one row per product, one cell per minute, shaded by the product's share of
/// that minute's cart and purchase events (darker = more of the minute's activity). Hover gives the counts.
struct ProductTimeline {
    var id: String
    var label: String
    var products: [(id: String, name: String)]
    var timeline: [TimelinePoint]

    func svg() -> String {
        let left = 110.0, width = 640.0, rowHeight = 24.0, top = 8.0
        let minutes = max(timeline.count, 1), cell = (width - left - 10) / Double(minutes)
        let height = top + rowHeight * Double(max(products.count, 1)) + 24
        var svg =
            "<svg class=\"chart timeline\" id=\"\(id)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\""
            + " aria-label=\"\(MarkupText.escape(label))\">"
        for (row, product) in products.enumerated() {
            let y = top + Double(row) * rowHeight
            let color = PieChart.palette[row % PieChart.palette.count]
            svg +=
                "<text class=\"tick\" x=\"\(left - 8)\" y=\"\(Format.px(y + 15))\" text-anchor=\"end\">"
                + "\(MarkupText.escape(product.name))</text>"
            for point in timeline {
                let count = point.productActivity[product.id] ?? 0
                guard count > 0 else { continue }
                let share = Double(count) / Double(max(point.productActivity.values.reduce(0, +), 1))
                svg +=
                    "<rect class=\"bar\" x=\"\(Format.px(left + Double(point.minute) * cell))\" "
                    + "y=\"\(Format.px(y + 2))\""
                    + " width=\"\(Format.px(max(cell - 0.5, 0.5)))\" height=\"\(rowHeight - 4)\" fill=\"\(color)\" "
                    + "fill-opacity=\"\(Format.decimal(0.15 + 0.85 * share, 2))\""
                    + " data-tip=\"\(MarkupText.escape(product.name)) · \(point.minute)′: 장바구니·구매 \(count)건 "
                    + "(\(NumberText.percent(share))) cart and purchase events\"/>"
            }
        }
        let axis = top + rowHeight * Double(max(products.count, 1)) + 16
        for tick in ChartFrame.ticks(0...Double(minutes), count: 8) {
            svg +=
                "<text class=\"tick\" x=\"\(Format.px(left + tick * cell))\" y=\"\(Format.px(axis))\" "
                + "text-anchor=\"middle\">\(NumberText.grouped(tick))′</text>"
        }
        return svg + "</svg>"
    }
}
