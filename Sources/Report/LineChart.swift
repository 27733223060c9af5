import Formatting
import Markup

/// A named series of (x, y) points.
struct ChartSeries {
    var name: String
    /// CSS colour.
    var color: String
    var points: [(x: Double, y: Double)]
}

/// Lines over minutes with a dot per point (hover shows the value); drag to zoom, double-click to reset.
struct LineChart {
    var id: String
    var label: String
    var series: [ChartSeries]
    var yFormat: (Double) -> String = { NumberText.grouped($0) }

    func svg() -> String {
        let xs = series.flatMap { $0.points.map(\.x) }
        let frame = ChartFrame(
            xDomain: (xs.min() ?? 0)...max(xs.max() ?? 1, (xs.min() ?? 0) + 1),
            yDomain: ChartFrame.yRange(series.flatMap { $0.points.map(\.y) }))
        var svg = frame.open(id: id, label: label, zoomable: true, yFormat: yFormat)
        svg += "<g clip-path=\"url(#\(id)-clip)\">"
        for line in series {
            let points = line.points.map { "\($0.x),\(Format.px(frame.y($0.y)))" }.joined(separator: " ")
            let drawn = line.points.map { "\(Format.px(frame.x($0.x))),\(Format.px(frame.y($0.y)))" }.joined(
                separator: " ")
            svg +=
                "<polyline class=\"series\" fill=\"none\" stroke=\"\(line.color)\" data-pts=\"\(points)\" "
                + "points=\"\(drawn)\"/>"
            for point in line.points {
                let tip = "\(line.name) · \(NumberText.grouped(point.x))′: \(yFormat(point.y))"
                svg +=
                    "<circle class=\"dot\" r=\"2.5\" fill=\"\(line.color)\" data-x=\"\(point.x)\" "
                    + "cx=\"\(Format.px(frame.x(point.x)))\""
                    + " cy=\"\(Format.px(frame.y(point.y)))\" data-tip=\"\(MarkupText.escape(tip))\"/>"
            }
        }
        svg += "</g>" + ChartLegend.svg(series.map { ($0.name, $0.color) }, x: frame.left + 8, y: frame.top + 4)
        return svg + "</svg>"
    }
}

/// A one-row legend of coloured squares and names.
enum ChartLegend {
    static func svg(_ items: [(name: String, color: String)], x: Double, y: Double) -> String {
        var svg = "<g class=\"legend\">", offset = x
        for item in items {
            svg += "<rect x=\"\(Format.px(offset))\" y=\"\(y)\" width=\"10\" height=\"10\" fill=\"\(item.color)\"/>"
            svg += "<text x=\"\(Format.px(offset + 14))\" y=\"\(y + 9)\">\(MarkupText.escape(item.name))</text>"
            offset += 24 + Double(item.name.count) * 11
        }
        return svg + "</g>"
    }
}
