import Formatting

/// Signed bars over minutes (e.g. viewer count changes): up in one colour, down in another; zoomable.
struct BarChart {
    var id: String
    var label: String
    var bars: [(x: Double, value: Double)]
    var upColor = "#2e9e6b", downColor = "#d9534f"

    func svg() -> String {
        let xs = bars.map(\.x)
        let frame = ChartFrame(
            xDomain: (xs.min() ?? 0)...((xs.max() ?? 0) + 1),
            yDomain: ChartFrame.yRange(bars.map(\.value)))
        var svg = frame.open(id: id, label: label, zoomable: true, yFormat: { NumberText.grouped($0) })
        svg += "<g clip-path=\"url(#\(id)-clip)\">"
        let zero = frame.y(0)
        for bar in bars {
            let top = min(zero, frame.y(bar.value)), height = max(abs(frame.y(bar.value) - zero), 0.5)
            let x0 = frame.x(bar.x + 0.1), x1 = frame.x(bar.x + 0.9)
            let sign = bar.value >= 0 ? "+" : ""
            svg +=
                "<rect class=\"bar\" data-x=\"\(bar.x + 0.1)\" data-w=\"0.8\" x=\"\(Format.px(x0))\" "
                + "y=\"\(Format.px(top))\""
                + " width=\"\(Format.px(x1 - x0))\" height=\"\(Format.px(height))\" "
                + "fill=\"\(bar.value >= 0 ? upColor : downColor)\""
                + " data-tip=\"\(NumberText.grouped(bar.x))′: \(sign)\(NumberText.grouped(bar.value))\"/>"
        }
        return svg + "</g></svg>"
    }
}
