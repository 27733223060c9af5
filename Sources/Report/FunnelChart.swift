import Formatting
import Insight
import Markup

/// View → cart → purchase by distinct viewers: one bar per step, its width the step's share of the first step,
/// with the count and the rate from the step before.
struct FunnelChart {
    var id: String
    var label: String
    var funnel: Funnel

    static let colors = ["#76b7b2", "#f28e2b", "#4e79a7"]

    func svg() -> String {
        let steps: [(name: String, count: Int, rate: Double?, tip: String)] = [
            (
                "시청 viewed", funnel.viewers, nil,
                "시청·장바구니·구매 중 하나라도 한 시청자 수 (조회 이벤트 \(NumberText.grouped(Double(funnel.views)))건). Distinct viewers who "
                    + "viewed, carted or bought."
            ),
            (
                "장바구니 carted", funnel.carters, funnel.viewToCart,
                "장바구니에 담거나 구매한 시청자 수. Distinct viewers who carted or bought; rate = of those who viewed."
            ),
            (
                "구매 bought", funnel.buyers, funnel.cartToPurchase,
                "구매한 시청자 수. Distinct viewers who bought; rate = of those who carted."
            ),
        ]
        let left = 120.0, width = 640.0, barMax = width - left - 150, rowHeight = 44.0
        var svg =
            "<svg class=\"chart funnel\" id=\"\(id)\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(20 + rowHeight * 3))\" role=\"img\""
            + " aria-label=\"\(MarkupText.escape(label))\">"
        let first = Double(max(funnel.viewers, 1))
        for (index, step) in steps.enumerated() {
            let y = 10 + Double(index) * rowHeight, length = max(barMax * Double(step.count) / first, 1)
            let x = left + (barMax - length) / 2
            let rate = step.rate.map { " · " + NumberText.percent($0) } ?? ""
            svg +=
                "<text class=\"tick\" x=\"\(left - 8)\" y=\"\(Format.px(y + 20))\" "
                + "text-anchor=\"end\">\(step.name)</text>"
            svg +=
                "<rect class=\"bar\" x=\"\(Format.px(x))\" y=\"\(Format.px(y))\" width=\"\(Format.px(length))\" "
                + "height=\"30\" fill=\"\(Self.colors[index])\""
                + " data-tip=\"\(MarkupText.escape(step.tip))\"/>"
            svg +=
                "<text class=\"value\" x=\"\(Format.px(left + barMax + 8))\" y=\"\(Format.px(y + 20))\">"
                + "\(NumberText.grouped(Double(step.count)))명\(rate)</text>"
        }
        return svg + "</svg>"
    }
}
