import Markup

/// Paired horizontal bars per row (review sentiment 0–5 and mean stars 0–5), with values at the bar ends.
struct ScoreBars {
    var id: String
    var label: String
    var rows: [(name: String, sentiment: Double, stars: Double?)]

    static let sentimentColor = "#4e79a7", starColor = "#f2b134"

    func svg() -> String {
        let rowHeight = 40.0, left = 110.0, width = 640.0, barMax = width - left - 60
        let height = 36 + rowHeight * Double(max(rows.count, 1))
        var svg = "<svg class=\"chart bars\" id=\"\(id)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(MarkupText.escape(label))\">"
        svg += ChartLegend.svg([("감성 sentiment (0–5)", Self.sentimentColor), ("별점 stars (0–5)", Self.starColor)], x: left, y: 6)
        for (index, row) in rows.enumerated() {
            let y = 30 + Double(index) * rowHeight
            svg += "<text class=\"tick\" x=\"\(left - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(MarkupText.escape(row.name))</text>"
            for (offset, value, color) in [(0.0, Optional(row.sentiment), Self.sentimentColor), (16.0, row.stars, Self.starColor)] {
                guard let value else { continue }
                let length = max(barMax * min(max(value, 0), 5) / 5, 1)
                svg += "<rect class=\"bar\" x=\"\(left)\" y=\"\(y + offset)\" width=\"\(Format.px(length))\" height=\"14\" fill=\"\(color)\""
                    + " data-tip=\"\(MarkupText.escape(row.name)): \(Format.decimal(value, 2))\"/>"
                svg += "<text class=\"value\" x=\"\(Format.px(left + length + 4))\" y=\"\(y + offset + 11)\">\(Format.decimal(value, 2))</text>"
            }
        }
        return svg + "</svg>"
    }
}
