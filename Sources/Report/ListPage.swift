import Formatting
import Markup

/// The broadcast list: date, length, stage status, keyword mentions, headline figures and the transcript's CER
/// (when it was validated); searchable and sortable; each row opens its dashboard in a new tab.
public struct ListPage {
    /// The broadcasts to list.
    public var entries: [BroadcastEntry]

    /// Whether the header links to the customers page (the server has customer data).
    public var linksCustomers: Bool

    /// Whether the header links to the team pages (the server has accounts, board, catchphrases and alerts).
    public var linksTeam: Bool

    /// Creates the page.
    public init(entries: [BroadcastEntry], linksCustomers: Bool = false, linksTeam: Bool = false) {
        (self.entries, self.linksCustomers, self.linksTeam) = (entries, linksCustomers, linksTeam)
    }

    /// The page's HTML (assets linked from the server).
    public func html() -> String {
        var rows = ""
        for entry in entries {
            let link = "/broadcasts/" + PageShell.pathSegment(entry.id)
            let stages = entry.stages.map {
                "<span class=\"stage \(MarkupText.escape($0.status))\">"
                    + "\(MarkupText.escape($0.name)): \(MarkupText.escape($0.status))</span>"
            }.joined(separator: " ")
            let summary = entry.summary
            let day = entry.date.map { String(Format.date($0).prefix(10)) } ?? ""
            let products = (summary?.products ?? []).filter { $0.units > 0 }.map(\.id).joined(separator: " ")
            rows +=
                "<tr data-date=\"\(day)\" data-products=\"\(MarkupText.escape(products))\">"
                + "<td data-sort=\"\(entry.date?.timeIntervalSince1970 ?? 0)\">\(Format.date(entry.date))</td>"
                + "<td><input type=\"checkbox\" class=\"pick noprint\" value=\"\(MarkupText.escape(entry.id))\""
                + " aria-label=\"비교 compare\"> "
                + "<a href=\"\(link)\" target=\"_blank\" rel=\"noopener\">"
                + "\(MarkupText.escape(entry.title))</a></td>"
                + "<td class=\"num\" data-sort=\"\(entry.duration ?? 0)\">"
                + "\(entry.duration.map { NumberText.clock($0) } ?? "–")</td>"
                + "<td>\(stages.isEmpty ? "–" : stages)</td>"
                + "<td class=\"num\" data-sort=\"\(entry.mentions ?? -1)\">"
                + "\(entry.mentions.map { NumberText.grouped(Double($0)) } ?? "–")</td>"
                + "<td class=\"num\" data-sort=\"\(summary?.totalScore ?? 0)\">"
                + "\(summary.map { Format.decimal($0.totalScore) } ?? "–")</td>"
                + "<td class=\"num\" data-sort=\"\(summary?.unitsSold ?? 0)\">"
                + "\(summary.map { NumberText.grouped(Double($0.unitsSold)) } ?? "–")</td>"
                + "<td class=\"num\" data-sort=\"\(summary?.achievementRate ?? 0)\">"
                + "\(summary?.achievementRate.map { NumberText.percent($0) } ?? "–")</td>"
                + "<td class=\"num\" data-sort=\"\(summary?.revenue ?? 0)\">"
                + "\(summary.map { NumberText.won($0.revenue) } ?? "–")</td>"
                + "<td class=\"num\" data-sort=\"\(entry.validation?.cer ?? -1)\">"
                + "\(entry.validation.map { NumberText.percent($0.cer) } ?? "–")</td></tr>"
        }
        var named: [String: String] = [:]
        for product in entries.flatMap({ $0.summary?.products ?? [] }) where product.units > 0 && product.id != "(none)"
        {
            named[product.id] = named[product.id] ?? product.name ?? product.id
        }
        let productOptions = named.sorted { $0.value < $1.value }
            .map { "<option value=\"\(MarkupText.escape($0.key))\">\(MarkupText.escape($0.value))</option>" }.joined()
        let body = """
            <section><h2>방송 목록 Broadcasts (\(entries.count))</h2>
            <div class="filters noprint">\
            <input class="search" type="search" placeholder="검색 Search" data-table="broadcasts" id="broadcast-search">
            <label>기간 From <input type="date" id="filter-from"></label> \
            <label>~ to <input type="date" id="filter-to"></label>
            <select id="filter-product"><option value="">모든 상품 All products</option>\(productOptions)</select>
            <button id="compare-picked" \
            data-tip="체크한 방송(없으면 전체)을 나란히 비교하고 추이를 봅니다. \
            Compare the ticked shows (none ticked: all) side by side, with trends.">비교·추이 Compare</button></div>
            <table class="sortable" id="broadcasts"><thead><tr><th>날짜 Date</th><th>방송 Broadcast</th>\
            <th class="num">길이 Length</th>
            <th>단계 Stages</th>
            <th class="num" data-tip="키워드 목록의 단어가 말해진 횟수. Keyword mentions found in the show.">언급 Mentions</th>
            <th class="num">점수 Score</th><th class="num">판매 Units</th><th class="num">달성률 Achievement</th>
            <th class="num">매출 Revenue</th>\
            <th class="num" title="문자 오류율: 참조 대본 대비 Character error rate against the reference">CER</th></tr></thead>\
            <tbody>\(rows)</tbody></table></section>
            """
        return PageShell(title: "LiveInsight", assets: .linked)
            .render(
                header:
                    "<h1>LiveInsight</h1><span class=\"noprint\">"
                    + "<a href=\"/keywords\">키워드 순위 Keyword leaderboard</a> · "
                    + "<a href=\"/history\">방송 비교·추이 Shows compared</a>"
                    + (linksCustomers ? " · <a href=\"/customers\">고객 Customers</a>" : "")
                    + (linksTeam
                        ? " · <a href=\"/board\">문의 Q&amp;A</a> · <a href=\"/catchphrases\">멘트 제안 Catchphrases</a>"
                            + " · <a href=\"/alerts\">리뷰 알림 Alerts</a>" : "") + "</span>", body: body)
    }
}
