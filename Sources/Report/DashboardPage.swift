import Insight
import Markup

/// One broadcast's dashboard: summary, findings, keyword × event table, charts, reviews and word clouds, and
/// the transcript's accuracy against the reference when it was validated.
/// The same HTML serves the server (assets linked, links to transcript and exports) and the self-contained
/// report (assets inlined, no links).
public struct DashboardPage {
    /// The broadcast shown.
    public var broadcast: Broadcast
    /// Linked (server) or inline (stand-alone report).
    public var assets: AssetMode

    /// Creates the page.
    public init(broadcast: Broadcast, assets: AssetMode) { (self.broadcast, self.assets) = (broadcast, assets) }

    /// The page's HTML.
    public func html() -> String {
        let entry = broadcast.entry
        var header = "<h1>\(MarkupText.escape(entry.title))</h1><span>\(Format.date(entry.date)) · \(Format.clock(broadcast.report.duration))</span>"
        if assets == .linked {
            let base = "/broadcasts/" + PageShell.pathSegment(entry.id)
            header += "<span class=\"noprint\"><a href=\"/\">목록 List</a> · <a href=\"\(base)/transcript\" target=\"_blank\">대본 Transcript</a>"
                + " · <a href=\"\(base)/report.xlsx\">XLSX</a> · <a href=\"\(base)/report.pdf\">PDF</a> · <a href=\"\(base)/report.html\">HTML</a></span>"
        }
        let body = summarySection() + findingsSection() + mentTable()
            + "<div class=\"grid\">" + chartSections() + "</div>" + reviewsSection() + validationSection()
        return PageShell(title: entry.title + " · LiveInsight", assets: assets).render(header: header, body: body)
    }

    private func summarySection() -> String {
        let summary = broadcast.report.summary
        return """
        <section><h2>요약 Summary</h2><table class="summary" id="summary"><thead><tr><th>종합 점수 Total score</th>
        <th>판매 수량 Units sold</th><th>달성률 Achievement</th><th>매출 Revenue</th><th>예상 매출 Expected revenue</th></tr></thead>
        <tbody><tr><td>\(Format.decimal(summary.totalScore))</td><td>\(Format.integer(Double(summary.unitsSold)))</td>
        <td>\(summary.achievementRate.map(Format.percent) ?? "–")</td><td>\(Format.won(summary.revenue))</td>
        <td>\(Format.won(summary.expectedRevenue))</td></tr></tbody></table></section>
        """
    }

    private func findingsSection() -> String {
        let items = Findings(broadcast).sentences.map {
            "<li>\(MarkupText.escape($0.korean))<br><span class=\"en\">\(MarkupText.escape($0.english))</span></li>"
        }.joined()
        return "<section class=\"findings\" id=\"findings\"><h2>분석 요약 Findings</h2><ul>\(items)</ul></section>"
    }

    private func mentTable() -> String {
        var rows = ""
        for ment in broadcast.report.ments {
            let mention = ment.mention, counts = ment.counts
            let time = assets == .linked
                ? "<a href=\"/broadcasts/\(PageShell.pathSegment(broadcast.entry.id))/transcript#t\(Int(mention.time))\" target=\"_blank\">\(Format.clock(mention.time))</a>"
                : Format.clock(mention.time)
            rows += "<tr><td data-sort=\"\(mention.time)\">\(time)</td><td>\(MarkupText.escape(mention.keyword))</td><td>\(MarkupText.escape(mention.topic))</td>"
                + "<td>\(MarkupText.escape(mention.ment))</td>"
                + [counts.views, counts.carts, counts.purchases, counts.units, counts.comments]
                    .map { "<td class=\"num\" data-sort=\"\($0)\">\(Format.integer(Double($0)))</td>" }.joined()
                + "<td class=\"num\" data-sort=\"\(counts.revenue)\">\(Format.won(counts.revenue))</td></tr>"
        }
        let window = broadcast.report.options
        return """
        <section class="wide"><h2>키워드 × 이벤트 Keywords × events <span class="zoom-note">(\(Format.integer(window.windowStart / 60))–\(Format.integer(window.windowEnd / 60))분 후 window)</span></h2>
        <input class="search" type="search" placeholder="검색 Search" data-table="ments" id="ment-search">
        <div class="scroll"><table class="sortable" id="ments"><thead><tr><th>시간 Time</th><th>키워드 Keyword</th><th>주제 Topic</th>
        <th>멘트 Ment</th><th class="num">조회 Views</th><th class="num">장바구니 Carts</th><th class="num">구매 Purchases</th>
        <th class="num">수량 Units</th><th class="num">댓글 Comments</th><th class="num">매출 Revenue</th></tr></thead>
        <tbody>\(rows)</tbody></table></div></section>
        """
    }

    private func chartSections() -> String {
        let timeline = broadcast.report.timeline
        func series(_ name: String, _ color: String, _ value: (TimelinePoint) -> Int) -> ChartSeries {
            ChartSeries(name: name, color: color, points: timeline.map { (Double($0.minute), Double(value($0))) })
        }
        let sales = LineChart(id: "chart-sales", label: "장바구니와 구매 Cart and sales per minute", series: [
            series("장바구니 carts", "#f28e2b", \.counts.carts), series("구매 purchases", "#4e79a7", \.counts.purchases),
            series("수량 units", "#59a14f", \.counts.units)])
        let activity = LineChart(id: "chart-activity", label: "조회와 댓글 Views and comments per minute", series: [
            series("조회 views", "#76b7b2", \.counts.views), series("댓글 comments", "#b07aa1", \.counts.comments)])
        let topics = PieChart(id: "chart-topics", label: "주제별 기여 Contribution by topic",
                              slices: broadcast.report.topics.map { ($0.name, $0.contributionShare * 100) }, donutCaption: "기여 share",
                              valueFormat: { Format.decimal($0) + "%" })
        let genders = PieChart(id: "chart-gender", label: "시청자 성별 Viewer gender",
                               slices: broadcast.report.genders.sorted { $0.key < $1.key }.map { (Self.genderName($0.key), Double($0.value)) })
        var previous: Double?
        var changes: [(x: Double, value: Double)] = []
        for point in timeline {
            guard let viewers = point.viewers else { continue }
            changes.append((Double(point.minute), viewers - (previous ?? viewers)))
            previous = viewers
        }
        let viewers = BarChart(id: "chart-viewers", label: "시청자 수 변화 Viewer count change per minute", bars: changes)
        return section("장바구니·구매 추이 Cart and sales over time", sales.svg(), zoom: sales.id)
            + section("주제별 기여도 Contribution by topic", topics.svg())
            + section("조회·댓글 추이 Views and comments over time", activity.svg(), zoom: activity.id)
            + section("시청자 성별 Viewer gender", genders.svg())
            + section("시청자 수 변화 Viewer count changes", viewers.svg(), zoom: viewers.id)
            + section("키워드 영향 Keyword impact", impactTable())
    }

    private func section(_ title: String, _ content: String, zoom: String? = nil) -> String {
        let note = zoom.map { " <span class=\"zoom-note noprint\">드래그로 확대 drag to zoom</span> <button class=\"noprint\" data-reset=\"\($0)\">초기화 Reset</button>" } ?? ""
        return "<section><h2>\(title)\(note)</h2>\(content)</section>"
    }

    private func impactTable() -> String {
        let rows = broadcast.report.keywords.sorted { $0.contributionShare > $1.contributionShare }.map { impact in
            "<tr><td>\(MarkupText.escape(impact.name))</td><td>\(MarkupText.escape(impact.topic))</td><td class=\"num\" data-sort=\"\(impact.mentions)\">\(impact.mentions)</td>"
                + "<td class=\"num\" data-sort=\"\(impact.uplift ?? 0)\">\(impact.uplift.map { "×" + Format.decimal($0, 2) } ?? "–")\(impact.significant ? " *" : "")</td>"
                + "<td class=\"num\" data-sort=\"\(impact.contributionShare)\">\(Format.percent(impact.contributionShare))</td></tr>"
        }.joined()
        return "<div class=\"scroll\"><table class=\"sortable\" id=\"impacts\"><thead><tr><th>키워드 Keyword</th><th>주제 Topic</th>"
            + "<th class=\"num\">언급 Mentions</th><th class=\"num\">구매율 Uplift</th><th class=\"num\">기여 Share</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    private func reviewsSection() -> String {
        guard let reviews = broadcast.reviews, !reviews.products.isEmpty else {
            return "<section id=\"reviews\"><h2>리뷰 Reviews</h2><p>리뷰 분석이 아직 없습니다. No review analysis yet.</p></section>"
        }
        let options = reviews.products.map {
            "<option value=\"\(MarkupText.escape($0.productID))\">\(MarkupText.escape($0.name ?? broadcast.productName($0.productID)))</option>"
        }.joined()
        var blocks = ""
        for (index, product) in reviews.products.enumerated() {
            let bars = ScoreBars(id: "chart-reviews-\(index)", label: "리뷰 감성과 별점 Review sentiment and stars",
                                 rows: [("전체 overall", product.sentiment, product.meanRating)]
                                    + product.topics.map { ($0.topic, $0.sentiment, $0.meanRating) })
            let positive = WordCloud(id: "cloud-positive-\(index)", label: "긍정 단어 Positive words", words: product.positiveWords, color: "#2e7d4f")
            let negative = WordCloud(id: "cloud-negative-\(index)", label: "부정 단어 Negative words", words: product.negativeWords, color: "#c0392b")
            blocks += "<div class=\"review-product\" data-product=\"\(MarkupText.escape(product.productID))\">"
                + "<p>리뷰 \(Format.integer(Double(product.reviews)))건 reviews · 평균 별점 mean stars \(product.meanRating.map { Format.decimal($0, 2) } ?? "–")</p>"
                + "<div class=\"review-body\"><div>\(bars.svg())</div><div class=\"cloud-pair\"><div><h3>긍정 Positive</h3>\(positive.svg())</div>"
                + "<div><h3>부정 Negative</h3>\(negative.svg())</div></div></div></div>"
        }
        return "<section id=\"reviews\"><h2>리뷰 감성·별점 Review sentiment and stars</h2>"
            + "<select id=\"review-product\" class=\"noprint\">\(options)</select>\(blocks)</section>"
    }

    /// Transcript accuracy against the reference, when the broadcast was validated.
    private func validationSection() -> String {
        guard let figures = broadcast.entry.validation else { return "" }
        func row(_ name: String, _ rate: Double, _ counts: ValidationFigures.Counts) -> String {
            "<tr><td>\(name)</td><td class=\"num\">\(Format.percent(rate))</td><td class=\"num\">\(Format.integer(Double(counts.substitutions)))</td>"
                + "<td class=\"num\">\(Format.integer(Double(counts.deletions)))</td><td class=\"num\">\(Format.integer(Double(counts.insertions)))</td>"
                + "<td class=\"num\">\(Format.integer(Double(counts.reference)))</td></tr>"
        }
        return """
        <section id="validation"><h2>전사 정확도 Transcript accuracy <span class="zoom-note">(참조 대본 대비 against the reference, \(Format.date(figures.validated)))</span></h2>
        <table id="validation-figures"><thead><tr><th></th><th class="num">오류율 Rate</th><th class="num">대체 S</th><th class="num">삭제 D</th>
        <th class="num">삽입 I</th><th class="num">참조 Reference</th></tr></thead><tbody>
        \(row("문자 Characters (CER)", figures.cer, figures.characters))\(row("어절 Words (WER)", figures.wer, figures.words))
        <tr><td>문장 Sentences (SER)</td><td class="num">\(Format.percent(figures.sentenceErrorRate))</td><td></td><td></td><td></td>
        <td class="num">\(Format.integer(Double(figures.items)))</td></tr></tbody></table></section>
        """
    }

    static func genderName(_ code: String) -> String {
        switch code.uppercased() {
        case "F": "여성 female"
        case "M": "남성 male"
        default: code
        }
    }
}
