import Formatting
import Foundation
import Markup

/// Shares of a whole as a pie, or a donut with a caption in the middle; hover shows each slice's value.
struct PieChart {
    var id: String
    var label: String
    var slices: [(name: String, value: Double)]
    /// When set, the chart is a donut with this caption in its hole.
    var donutCaption: String?
    /// How a slice's value is written in its tip beside its share; nil writes the share alone (for shares).
    var valueFormat: ((Double) -> String)? = { NumberText.grouped($0) }
    /// Shown in place of the chart when there is nothing to share out.
    var emptyText = "–"

    static let palette = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ]

    func svg() -> String {
        let total = slices.map(\.value).reduce(0, +)
        let (cx, cy, radius) = (130.0, 130.0, 110.0)
        var svg =
            "<svg class=\"chart pie\" id=\"\(id)\" viewBox=\"0 0 420 260\" role=\"img\" "
            + "aria-label=\"\(MarkupText.escape(label))\">"
        guard total > 0 else {
            return svg
                + "<text class=\"empty\" x=\"210\" y=\"130\" text-anchor=\"middle\">"
                + "\(MarkupText.escape(emptyText))</text></svg>"
        }
        var angle = -Double.pi / 2
        for (index, slice) in slices.enumerated() where slice.value > 0 {
            let sweep = slice.value / total * 2 * .pi
            let color = Self.palette[index % Self.palette.count]
            let share = NumberText.percent(slice.value / total)
            let tip = MarkupText.escape(
                "\(slice.name): " + (valueFormat.map { "\($0(slice.value)) (\(share))" } ?? share))
            if sweep >= 2 * .pi - 1e-9 {
                svg +=
                    "<circle class=\"slice\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(radius)\" "
                    + "fill=\"\(color)\" data-tip=\"\(tip)\"/>"
            } else {
                let (x0, y0) = (cx + radius * cos(angle), cy + radius * sin(angle))
                let (x1, y1) = (cx + radius * cos(angle + sweep), cy + radius * sin(angle + sweep))
                svg +=
                    "<path class=\"slice\" d=\"M\(cx),\(cy) L\(Format.px(x0)),\(Format.px(y0)) A\(radius),\(radius) 0 "
                    + "\(sweep > .pi ? 1 : 0) 1 \(Format.px(x1)),\(Format.px(y1)) Z\""
                    + " fill=\"\(color)\" data-tip=\"\(tip)\"/>"
            }
            angle += sweep
            let legendY = 20.0 + Double(index) * 22
            svg += "<rect x=\"265\" y=\"\(legendY)\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            svg +=
                "<text class=\"legend\" x=\"283\" y=\"\(legendY + 10)\">"
                + "\(MarkupText.escape(slice.name)) \(NumberText.percent(slice.value / total))</text>"
        }
        if let donutCaption {
            svg += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(radius * 0.55)\" fill=\"#fff\"/>"
            svg +=
                "<text class=\"donut-total\" x=\"\(cx)\" y=\"\(cy + 6)\" text-anchor=\"middle\">"
                + "\(MarkupText.escape(donutCaption))</text>"
        }
        return svg + "</svg>"
    }
}
