import Foundation
import Insight
import Markup

/// Every effect with its interval on one log scale (a forest plot): a dot at the uplift, a line across the 95 %
/// interval, a dashed line at ×1 (no change). Significant effects are drawn solid in colour, the others hollow
/// in grey, so a large point estimate with a huge interval reads as what it is.
struct IntervalChart {
    var id: String
    var label: String
    var impacts: [Impact]

    static let significantColor = "#2e7d4f", uncertainColor = "#9aa0a6"

    func svg() -> String {
        let rows = impacts.filter { $0.uplift != nil }
        let left = 130.0, right = 24.0, width = 640.0, rowHeight = 22.0, top = 24.0
        let height = top + rowHeight * Double(max(rows.count, 1)) + 30
        // Log₂ scale from ×1/8 to ×16; intervals beyond are drawn to the edge with an arrow-like cap.
        let (lowest, highest) = (-3.0, 4.0)
        func x(_ ratio: Double) -> Double {
            let value = min(max(log2(max(ratio, 1e-9)), lowest), highest)
            return left + (value - lowest) / (highest - lowest) * (width - left - right)
        }
        var svg =
            "<svg class=\"chart intervals\" id=\"\(id)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\""
            + " aria-label=\"\(MarkupText.escape(label))\">"
        let bottom = top + rowHeight * Double(max(rows.count, 1))
        for tick in [0.125, 0.25, 0.5, 1, 2, 4, 8, 16] {
            let tx = Format.px(x(tick))
            svg +=
                "<line class=\"grid\" x1=\"\(tx)\" x2=\"\(tx)\" y1=\"\(top - 6)\" "
                + "y2=\"\(bottom)\"\(tick == 1 ? " stroke=\"#555\" stroke-dasharray=\"4 3\"" : "")/>"
            svg +=
                "<text class=\"tick\" x=\"\(tx)\" y=\"\(bottom + 16)\" text-anchor=\"middle\">"
                + "×\(tick < 1 ? "1/\(Int(1 / tick))" : String(Int(tick)))</text>"
        }
        guard !rows.isEmpty else {
            return svg
                + "<text class=\"empty\" x=\"\(width / 2)\" y=\"\(top + 12)\" text-anchor=\"middle\">–</text></svg>"
        }
        for (index, impact) in rows.enumerated() {
            let y = top + rowHeight * (Double(index) + 0.5)
            let color = impact.significant ? Self.significantColor : Self.uncertainColor
            let low = impact.upliftLow ?? 0, high = impact.upliftHigh ?? .infinity
            let tip = MarkupText.escape(EffectText.tip(impact))
            svg +=
                "<text class=\"tick\" x=\"\(left - 8)\" y=\"\(Format.px(y + 4))\" text-anchor=\"end\">"
                + "\(MarkupText.escape(impact.name))</text>"
            svg += "<g class=\"effect \(impact.evidence.rawValue)\" data-tip=\"\(tip)\">"
            svg +=
                "<line x1=\"\(Format.px(x(low)))\" x2=\"\(Format.px(x(high)))\" y1=\"\(Format.px(y))\" "
                + "y2=\"\(Format.px(y))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            svg +=
                "<circle class=\"dot\" cx=\"\(Format.px(x(impact.uplift!)))\" cy=\"\(Format.px(y))\" r=\"5\" "
                + "stroke=\"\(color)\" stroke-width=\"2\""
                + " fill=\"\(impact.significant ? color : "#fff")\"/>"
            svg +=
                "<rect x=\"\(left)\" y=\"\(Format.px(y - rowHeight / 2))\" "
                + "width=\"\(Format.px(width - left - right))\" height=\"\(rowHeight)\" fill=\"transparent\"/></g>"
        }
        return svg + "</svg>"
    }
}

/// How effects are written on the dashboard and in the findings: interval, adjusted p-value and the state, with
/// a plain-language explanation for hover.
enum EffectText {
    /// "×2.41 (1.83–3.17)".
    static func uplift(_ impact: Impact) -> String {
        guard let uplift = impact.uplift else { return "–" }
        return "×" + Format.decimal(uplift, 2) + " (" + interval(impact) + ")"
    }

    /// "1.83–3.17", an open end as "…".
    static func interval(_ impact: Impact) -> String {
        (impact.upliftLow.map { Format.decimal($0, 2) } ?? "…") + "–"
            + (impact.upliftHigh.map { Format.decimal($0, 2) } ?? "…")
    }

    /// "유의 significant", "근거 부족 not enough evidence" or "창 없음 no window".
    static func state(_ impact: Impact) -> String {
        switch impact.evidence {
        case .significant: "유의 significant"
        case .notEnoughEvidence: "근거 부족 not enough evidence"
        case .noWindow: "창 없음 no window"
        }
    }

    /// A p-value for people: "< 0.001" or three decimals.
    static func pValue(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value < 0.001 ? "< 0.001" : Format.decimal(value, 3)
    }

    /// The hover text of one effect, in plain words.
    static func tip(_ impact: Impact) -> String {
        guard let uplift = impact.uplift else {
            return "\(impact.name): 모든 언급의 창이 방송 종료 후라 추정할 수 없습니다. Every window of it falls after the end of the show."
        }
        let range = interval(impact)
        let head =
            "\(impact.name): 언급 후 구매율 ×\(Format.decimal(uplift, 2)), 95% 구간 \(range). "
            + "Purchase rate ×\(Format.decimal(uplift, 2)) in the windows after its mentions; the true factor lies in "
            + "\(range) with 95% confidence. "
        if impact.significant {
            return head + "보정 p = \(pValue(impact.adjustedPValue)): 우연으로 보기 어렵습니다. "
                + "Adjusted p = \(pValue(impact.adjustedPValue)): unlikely to be chance, even allowing for every "
                + "keyword tested."
        }
        if impact.adjustedPValue == nil {
            return head + "한 번만 언급되어(창 하나) 그 몇 분의 다른 일과 구별할 수 없으므로 검정하지 않았습니다. "
                + "Said only once (one window): its effect cannot be told from whatever else happened in those "
                + "minutes, so it is not tested."
        }
        return head + "보정 p = \(pValue(impact.adjustedPValue)): 구간이 ×1(변화 없음)을 포함할 만큼 넓어 효과라고 말할 근거가 부족합니다. "
            + "Adjusted p = \(pValue(impact.adjustedPValue)): the interval is wide enough to include no change, so "
            + "there is not enough evidence of an effect."
    }
}
