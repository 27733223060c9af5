import Formatting
import Markup

/// Paired horizontal bars per row — review sentiment on its 0–5 axis, mean stars on a separate 1–5 axis — with
/// values at the bar ends and, under each row's name, how many reviews or sentences stand behind it.
struct ScoreBars {
    var id: String
    var label: String
    var rows: [(name: String, count: Int, unit: String, sentiment: Double, stars: Double?)]

    static let sentimentColor = "#4e79a7", starColor = "#f2b134"

    func svg() -> String {
        let rowHeight = 44.0, left = 120.0, width = 640.0, barMax = width - left - 60
        let height = 36 + rowHeight * Double(max(rows.count, 1)) + 34
        var svg =
            "<svg class=\"chart bars\" id=\"\(id)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
            + "aria-label=\"\(MarkupText.escape(label))\">"
        svg += ChartLegend.svg(
            [("감성 sentiment (0–5)", Self.sentimentColor), ("별점 stars (1–5)", Self.starColor)], x: left, y: 6)
        // Sentiment runs 0…5 and stars 1…5: each bar on its own scale, each scale drawn under the chart.
        let scales: [(low: Double, color: String)] = [(0, Self.sentimentColor), (1, Self.starColor)]
        for (index, row) in rows.enumerated() {
            let y = 30 + Double(index) * rowHeight
            svg +=
                "<text class=\"tick\" x=\"\(left - 8)\" y=\"\(y + 13)\" text-anchor=\"end\">"
                + "\(MarkupText.escape(row.name))</text>"
            svg +=
                "<text class=\"tick count\" x=\"\(left - 8)\" y=\"\(y + 27)\" text-anchor=\"end\">"
                + "n = \(NumberText.grouped(Double(row.count)))</text>"
            for (offset, value, scale) in [(0.0, Optional(row.sentiment), scales[0]), (16.0, row.stars, scales[1])] {
                guard let value else { continue }
                let length = max(barMax * (min(max(value, scale.low), 5) - scale.low) / (5 - scale.low), 1)
                svg +=
                    "<rect class=\"bar\" x=\"\(left)\" y=\"\(y + offset)\" width=\"\(Format.px(length))\" "
                    + "height=\"14\" fill=\"\(scale.color)\""
                    + " data-tip=\"\(MarkupText.escape(row.name)): \(Format.decimal(value, 2)) (\(row.unit) "
                    + "\(row.count))\"/>"
                svg +=
                    "<text class=\"value\" x=\"\(Format.px(left + length + 4))\" y=\"\(y + offset + 11)\">"
                    + "\(Format.decimal(value, 2))</text>"
            }
        }
        let axis = 36 + rowHeight * Double(max(rows.count, 1))
        for (line, scale) in scales.enumerated() {
            let y = axis + Double(line) * 16
            let ticks = stride(from: scale.low, through: 5, by: 1).map { tick in
                "<text class=\"tick\" x=\"\(Format.px(left + barMax * (tick - scale.low) / (5 - scale.low)))\" "
                    + "y=\"\(y)\" text-anchor=\"middle\" fill=\"\(scale.color)\">\(NumberText.grouped(tick))</text>"
            }.joined()
            svg +=
                "<text class=\"tick\" x=\"\(left - 8)\" y=\"\(y)\" text-anchor=\"end\">"
                + "\(line == 0 ? "감성 0–5" : "별점 1–5")</text>"
                + ticks
        }
        return svg + "</svg>"
    }
}
