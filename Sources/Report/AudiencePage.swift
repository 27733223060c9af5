import Commerce
import Markup

/// One show's audience: viewers by RFM segment, what its buyers also bought and its viewers also viewed,
/// what to feature next time (`Commerce.ShowInsight`, Docs/customers.md).
public struct AudiencePage {
    public var insight: ShowInsight
    public var name: String

    public init(insight: ShowInsight, name: String) { (self.insight, self.name) = (insight, name) }

    public func html() -> String {
        let segments = insight.viewersBySegment.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map {
                "<tr><td>\(MarkupText.escape($0.key))</td>"
                    + "<td class=\"num\" data-sort=\"\($0.value)\">\($0.value)</td></tr>"
            }.joined()
        func list(_ id: String, _ rows: [ShowInsight.ItemCount], _ unit: String) -> String {
            "<table class=\"sortable\" id=\"\(id)\"><thead><tr><th>Item</th><th class=\"num\">\(unit)"
                + "</th></tr></thead><tbody>"
                + rows.map {
                    "<tr><td>\(MarkupText.escape($0.item))</td><td class=\"num\" data-sort=\"\($0.customers)\">"
                        + "\($0.customers)</td></tr>"
                }.joined()
                + "</tbody></table>"
        }
        let body = """
            <section><h2>시청자 Viewers: \(insight.viewers), buyers: \(insight.buyers)</h2>
            <table class="sortable" id="viewer-segments"><thead><tr><th>Segment</th><th class="num">Viewers</th></tr>\
            </thead><tbody>\(segments)</tbody></table></section>
            <section><h2>함께 산 상품 Its buyers also bought</h2>\
            \(list("also-bought", insight.alsoBought, "Buyers"))</section>
            <section><h2>함께 본 상품 Its viewers also viewed</h2>\
            \(list("also-viewed", insight.alsoViewed, "Viewers"))</section>
            <section><h2>다음 방송 추천 Feature next time</h2>\
            \(list("feature-next", insight.featureNext, "Viewers"))</section>
            """
        let header = "<h1>\(MarkupText.escape(name))</h1><nav><a href=\"/customers\">고객 Customers</a></nav>"
        return PageShell(title: "LiveInsight · \(name) · audience", assets: .linked).render(header: header, body: body)
    }
}
