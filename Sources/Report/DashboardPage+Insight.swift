import Formatting
import Insight
import Markup

/// The dashboard's sections on findings, keyword effects and products.
extension DashboardPage {
    /// Every keyword and topic effect with its interval, adjusted p-value and state, as a chart and a table.
    func effectsSection() -> String {
        let report = broadcast.report, options = report.options
        let note = Bilingual.both(
            MarkupText.escape(
                "키워드 \(report.summary.testedKeywords)개를 함께 검정했으므로 p값은 "
                    + "\(Self.correctionName(options.correction)) 방식으로 보정했습니다. "
                    + "유의 = 보정 p < \(Format.decimal(options.significanceLevel, 2)). 순위·요약·기여·점수는 유의한 효과만 씁니다."),
            MarkupText.escape(
                "\(report.summary.testedKeywords) keywords were tested together, so p-values are adjusted "
                    + "(\(options.correction.rawValue)); "
                    + "significant = adjusted p < \(Format.decimal(options.significanceLevel, 2)). "
                    + "Rankings, findings, credit and the score use significant effects only."
            ))
        let chart = IntervalChart(
            id: "chart-intervals", label: "키워드 효과와 95% 구간 Keyword effects with 95% intervals", impacts: report.keywords)
        return
            "<section class=\"wide\" id=\"effects\"><h2>키워드 효과 Keyword effects "
            + "<span class=\"zoom-note\">(\(NumberText.grouped(options.windowStart / 60))–"
            + "\(NumberText.grouped(options.windowEnd / 60))분 후 구매율 배수 purchase-rate factor, "
            + "95% 구간 interval)</span></h2>"
            + "<p class=\"note\">\(note)</p><div class=\"intervals\">\(chart.svg())</div>"
            + EffectTable(id: "impacts", impacts: report.keywords).html()
            + "<h3>주제 Topics</h3>" + EffectTable(id: "topic-impacts", impacts: report.topics).html() + "</section>"
    }

    /// Per product: units, revenue, target achievement, distinct carters and buyers, conversion, when it sold.
    func productsSection() -> String {
        let products = broadcast.report.summary.products.filter { $0.id != "(none)" }
        guard !products.isEmpty else { return "" }
        let rows = products.map { product in
            "<tr><td>\(MarkupText.escape(product.name ?? broadcast.productName(product.id)))</td>"
                + "<td class=\"num\" data-sort=\"\(product.units)\">\(NumberText.grouped(Double(product.units)))</td>"
                + "<td class=\"num\" data-sort=\"\(product.revenue)\">\(NumberText.won(product.revenue))</td>"
                + "<td class=\"num\">\(product.targetUnits.map { NumberText.grouped(Double($0)) } ?? "–")</td>"
                + "<td class=\"num\" data-sort=\"\(product.achievementRate ?? -1)\">"
                + "\(product.achievementRate.map { NumberText.percent($0) } ?? "–")</td>"
                + "<td class=\"num\">\(NumberText.grouped(Double(product.carters)))</td>"
                + "<td class=\"num\">\(NumberText.grouped(Double(product.buyers)))</td>"
                + "<td class=\"num\" data-sort=\"\(product.conversion ?? -1)\">"
                + "\(product.conversion.map { NumberText.percent($0) } ?? "–")</td>"
                + "<td>\(product.firstSale.map { NumberText.clock($0) } ?? "–")–"
                + "\(product.lastSale.map { NumberText.clock($0) } ?? "")</td></tr>"
        }.joined()
        let timeline = ProductTimeline(
            id: "chart-products", label: "상품별 판매 타임라인 Product selling timeline",
            products: products.map { ($0.id, $0.name ?? broadcast.productName($0.id)) },
            timeline: broadcast.report.timeline)
        return """
            <section class="wide" id="products"><h2>상품별 판매 Products</h2><div class="scroll">\
            <table class="sortable" id="product-table"><thead><tr>
            <th>상품 Product</th><th class="num">수량 Units</th><th class="num">매출 Revenue</th>\
            <th class="num">목표 Target</th>
            <th class="num">달성률 Achievement</th>\
            <th class="num" data-tip="이 상품을 장바구니에 담거나 구매한 시청자 수. Distinct viewers who carted or bought it.">\
            장바구니 시청자 Carters</th>
            <th class="num" data-tip="이 상품을 구매한 시청자 수. Distinct viewers who bought it.">구매자 Buyers</th>
            <th class="num" data-tip="구매자 ÷ 장바구니 시청자. Buyers over carters.">전환율 Conversion</th>
            <th data-tip="첫 장바구니·구매부터 마지막까지. From its first cart or purchase to its last.">판매 구간 Selling</th>\
            </tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <h3 data-tip="분마다 그 분의 장바구니·구매 이벤트 중 각 상품의 비중(진할수록 큼): 어느 상품이 언제 팔렸는지. \
            Each minute, each product's share of that minute's cart and purchase events (darker = larger): \
            which product sold when.">판매 타임라인 Selling timeline</h3>\(timeline.svg())</section>
            """
    }

    func findingsSection() -> String {
        let items = Findings(broadcast).sentences.map {
            "<li>\(Bilingual.both(MarkupText.escape($0.korean), MarkupText.escape($0.english)))</li>"
        }.joined()
        return "<section class=\"findings\" id=\"findings\"><h2>분석 요약 Findings</h2><ul>\(items)</ul></section>"
    }
}
