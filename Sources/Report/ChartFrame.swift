import Formatting
import Foundation
import Markup

/// The plot area of an x/y chart and its scales: shared by line and bar charts so their axes,
/// gridlines and zoom attributes agree. Elements placed on the x axis carry `data-x` (data units) so the
/// page script can re-place them when the user drags to zoom.
struct ChartFrame {
    var width = 640.0, height = 260.0
    var left = 52.0, right = 16.0, top = 16.0, bottom = 34.0
    var xDomain: ClosedRange<Double>
    var yDomain: ClosedRange<Double>

    var plotRight: Double { width - right }
    var plotBottom: Double { height - bottom }

    func x(_ value: Double) -> Double {
        let span = xDomain.upperBound - xDomain.lowerBound
        return left + (span > 0 ? (value - xDomain.lowerBound) / span : 0.5) * (plotRight - left)
    }

    func y(_ value: Double) -> Double {
        let span = yDomain.upperBound - yDomain.lowerBound
        return plotBottom - (span > 0 ? (value - yDomain.lowerBound) / span : 0.5) * (plotBottom - top)
    }

    /// "Nice" tick values covering `range` (1, 2 or 5 × 10ⁿ steps).
    static func ticks(_ range: ClosedRange<Double>, count: Int = 5) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0 else { return [range.lowerBound] }
        let raw = span / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var values: [Double] = []
        var value = (range.lowerBound / step).rounded(.up) * step
        while value <= range.upperBound + step * 1e-9 { values.append(value); value += step }
        return values
    }

    /// A y range from 0 (or the minimum, when negative) to a padded maximum.
    static func yRange(_ values: [Double]) -> ClosedRange<Double> {
        let low = min(0, values.min() ?? 0), high = max(values.max() ?? 1, low + 1)
        return low...(high + (high - low) * 0.08)
    }

    /// Opening `<svg>` with the zoom attributes, gridlines and the y axis; the caller adds the plot and closes it.
    func open(id: String, label: String, zoomable: Bool, yFormat: (Double) -> String) -> String {
        var svg =
            "<svg class=\"chart\" id=\"\(id)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\""
            + " aria-label=\"\(MarkupText.escape(label))\""
        if zoomable {
            svg +=
                " data-zoom=\"1\" data-x0=\"\(xDomain.lowerBound)\" data-x1=\"\(xDomain.upperBound)\""
                + " data-left=\"\(left)\" data-right=\"\(plotRight)\" data-top=\"\(top)\" data-bottom=\"\(plotBottom)\""
        }
        svg +=
            "><defs><clipPath id=\"\(id)-clip\">"
            + "<rect x=\"\(left)\" y=\"0\" width=\"\(plotRight - left)\" height=\"\(height)\"/></clipPath></defs>"
        for tick in Self.ticks(yDomain) {
            let y = Format.px(self.y(tick))
            svg += "<line class=\"grid\" x1=\"\(left)\" x2=\"\(plotRight)\" y1=\"\(y)\" y2=\"\(y)\"/>"
            svg +=
                "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                + "\(yFormat(tick))</text>"
        }
        svg += "<line class=\"axis\" x1=\"\(left)\" x2=\"\(plotRight)\" y1=\"\(plotBottom)\" y2=\"\(plotBottom)\"/>"
        svg += "<g class=\"xaxis\">" + xTicks() + "</g>"
        return svg
    }

    /// Minute ticks along the x axis (the page script redraws them on zoom).
    func xTicks() -> String {
        Self.ticks(xDomain, count: 8).map { tick in
            "<text class=\"tick\" x=\"\(Format.px(x(tick)))\" y=\"\(plotBottom + 16)\" text-anchor=\"middle\">"
                + "\(NumberText.grouped(tick))′</text>"
        }.joined()
    }
}
