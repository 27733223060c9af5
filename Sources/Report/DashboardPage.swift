import Formatting
import Insight
import Markup
import Validation

/// One broadcast's dashboard: summary, findings, keyword × event table, charts, reviews and word clouds, and
/// the transcript's accuracy against the reference when it was validated.
/// The same HTML serves the server (assets linked, links to transcript and exports) and the self-contained
/// report (assets inlined, no links).
public struct DashboardPage {
    /// The broadcast shown.
    public var broadcast: Broadcast
    /// Linked (server) or inline (stand-alone report).
    public var assets: AssetMode
    /// The page of the mention table the server shows (linked assets; the stand-alone report shows every row).
    public var mentions: MentionQuery
    /// The signed-in analyst who may confirm or reject mentions (the server's page); nil: no verdict buttons.
    public var reviewer: PageViewer?
    /// The server streams the show's recording: the mention table gets a player and a ▶ per row.
    public var playable: Bool

    /// Creates the page.
    public init(
        broadcast: Broadcast, assets: AssetMode, mentions: MentionQuery = MentionQuery(), reviewer: PageViewer? = nil,
        playable: Bool = false
    ) {
        (self.broadcast, self.assets, self.mentions, self.reviewer) = (broadcast, assets, mentions, reviewer)
        self.playable = playable
    }

    /// The page's HTML.
    public func html() -> String {
        let entry = broadcast.entry
        var header =
            "<h1>\(MarkupText.escape(entry.title))</h1>"
            + "<span>\(Format.date(entry.date)) · \(NumberText.clock(broadcast.report.duration))</span>"
        if let transcript = broadcast.transcript, TranscriptSource(transcript).hasGivenText {
            header += "<span id=\"transcript-source\">\(TranscriptSource(transcript).summary)</span>"
        }
        if assets == .linked {
            let base = "/broadcasts/" + PageShell.pathSegment(entry.id)
            header +=
                "<span class=\"noprint\"><a href=\"/\">목록 List</a> · "
                + "<a href=\"\(base)/transcript\" target=\"_blank\">대본 Transcript</a>"
                + " · <a href=\"\(base)/report.xlsx\">XLSX</a> · <a href=\"\(base)/report.pdf\">PDF</a>"
                + " · <a href=\"\(base)/report.html\">HTML</a></span>"
        }
        let body =
            summarySection() + findingsSection() + effectsSection() + productsSection() + mentTable()
            + "<div class=\"grid\">" + chartSections() + "</div>" + reviewsSection() + validationSection()
        return PageShell(title: entry.title + " · LiveInsight", assets: assets).render(header: header, body: body)
    }

    private func summarySection() -> String {
        let summary = broadcast.report.summary, funnel = broadcast.report.funnel
        let cartRate = funnel.cartToPurchase.map { NumberText.percent($0) } ?? "–"
        func head(_ text: String, _ tip: String) -> String { "<th data-tip=\"\(MarkupText.escape(tip))\">\(text)</th>" }
        let peak =
            summary.peakViewers.map {
                NumberText.grouped($0) + (summary.peakViewersTime.map { " (" + NumberText.clock($0) + ")" } ?? "")
            } ?? "–"
        return """
            <section><h2>요약 Summary</h2><table class="summary" id="summary"><thead><tr>\(head("종합 점수 Total score",
            "0–100 휴리스틱: 목표 대비 판매 50%, 장바구니→구매 전환 25%(50%면 만점), 유의한 키워드 효과에 귀속된 구매 비중 25%(절반이면 만점). "
            + "A heuristic: half sales against target, a quarter cart→purchase conversion (50 % counts as full), "
            + "a quarter the share of purchases credited to significant keyword effects (half counts as full); "
            + "no significant keyword gives 0 for that part."))
            \(head("판매 수량 Units sold", "구매 이벤트의 수량 합계. Units in all purchase events."))
            \(head("달성률 Achievement", "판매 수량 ÷ 목표 수량(메타데이터). Units sold over the target units in the metadata."))
            \(head("매출 Revenue", "수량 × 단가(이벤트 가격, 없으면 상품 가격). Units × unit price (the event's, else the product's)."))
            \(head("예상 매출 Expected revenue", "매출 + 구매되지 않은 장바구니 수량 × 이 방송의 장바구니→구매 전환율(\(cartRate)) × 평균 단가: "
            + "남은 장바구니가 방송 후에도 같은 비율로 구매된다고 가정한 추정치입니다. Revenue plus open cart units converting after the show "
            + "at this show's cart→purchase rate (\(cartRate)) and mean unit price — "
            + "an assumption, not an observation."))
            \(head("최대 동시 시청자 Peak viewers",
            "viewer_count 표본 중 최댓값과 그 시각. The largest concurrent-viewer sample and when it was taken."))
            </tr></thead>
            <tbody><tr><td>\(Format.decimal(summary.totalScore))</td>\
            <td>\(NumberText.grouped(Double(summary.unitsSold)))</td>
            <td>\(summary.achievementRate.map { NumberText.percent($0) } ?? "–")</td>\
            <td>\(NumberText.won(summary.revenue))</td>
            <td>\(NumberText.won(summary.expectedRevenue))</td><td>\(peak)</td></tr></tbody></table></section>
            """
    }

    private func chartSections() -> String {
        let timeline = broadcast.report.timeline
        func series(_ name: String, _ color: String, _ value: (TimelinePoint) -> Int) -> ChartSeries {
            ChartSeries(name: name, color: color, points: timeline.map { (Double($0.minute), Double(value($0))) })
        }
        let sales = LineChart(
            id: "chart-sales", label: "장바구니와 구매 Cart and sales per minute",
            series: [
                series("장바구니 carts", "#f28e2b", \.counts.carts), series("구매 purchases", "#4e79a7", \.counts.purchases),
                series("수량 units", "#59a14f", \.counts.units),
            ])
        let activity = LineChart(
            id: "chart-activity", label: "조회와 댓글 Views and comments per minute",
            series: [
                series("조회 views", "#76b7b2", \.counts.views), series("댓글 comments", "#b07aa1", \.counts.comments),
            ])
        let topics = PieChart(
            id: "chart-topics", label: "주제별 기여 Contribution by topic",
            slices: broadcast.report.topics.filter { $0.contributionShare > 0 }.map {
                ($0.name, $0.contributionShare * 100)
            },
            donutCaption: "기여 share", valueFormat: nil,
            emptyText: "유의한 키워드 없음 · no significant keyword")
        let genders = PieChart(
            id: "chart-gender", label: "시청자 성별 Viewer gender",
            slices: broadcast.report.genders.sorted { $0.key < $1.key }.map {
                (Self.genderName($0.key), Double($0.value))
            })
        // Each minute's change: its last sample against the previous minute's last (the first minute: its
        // first sample).
        var previous: Double?
        var changes: [(x: Double, value: Double)] = []
        for point in timeline {
            guard let viewers = point.viewers else { continue }
            changes.append((Double(point.minute), viewers - (previous ?? point.firstViewers ?? viewers)))
            previous = viewers
        }
        let funnel = FunnelChart(
            id: "chart-funnel", label: "구매 퍼널 Funnel by distinct viewers", funnel: broadcast.report.funnel)
        let viewers = BarChart(id: "chart-viewers", label: "시청자 수 변화 Viewer count change per minute", bars: changes)
        return section("장바구니·구매 추이 Cart and sales over time", sales.svg(), zoom: sales.id)
            + section("구매 퍼널 Funnel (distinct viewers)", funnel.svg())
            + section(
                "주제별 기여도 Contribution by topic", topics.svg(),
                tip: "유의한 키워드에 귀속된 기준 초과 구매를 주제별로 나눈 비율입니다. "
                    + "Purchases above baseline credited to significant keywords, by topic; "
                    + "keywords without enough evidence get no share."
            )
            + section("조회·댓글 추이 Views and comments over time", activity.svg(), zoom: activity.id)
            + section("시청자 성별 Viewer gender", genders.svg())
            + section("시청자 수 변화 Viewer count changes", viewers.svg(), zoom: viewers.id)
    }

    private func section(_ title: String, _ content: String, zoom: String? = nil, tip: String? = nil) -> String {
        let note =
            zoom.map {
                " <span class=\"zoom-note noprint\">드래그로 확대 drag to zoom</span> "
                    + "<button class=\"noprint\" data-reset=\"\($0)\">초기화 Reset</button>"
            } ?? ""
        let hover = tip.map { " data-tip=\"\(MarkupText.escape($0))\"" } ?? ""
        return "<section><h2\(hover)>\(title)\(note)</h2>\(content)</section>"
    }

    private func reviewsSection() -> String {
        let products = broadcast.showReviews
        guard !products.isEmpty else {
            return
                "<section id=\"reviews\"><h2>리뷰 Reviews</h2>"
                + "<p>이 방송 상품의 리뷰 분석이 아직 없습니다. No review analysis for this show's products yet.</p></section>"
        }
        let options = products.map {
            "<option value=\"\(MarkupText.escape($0.productID))\">"
                + "\(MarkupText.escape($0.name ?? broadcast.productName($0.productID)))</option>"
        }.joined()
        var blocks = ""
        for (index, product) in products.enumerated() {
            let bars = ScoreBars(
                id: "chart-reviews-\(index)", label: "리뷰 감성과 별점 Review sentiment and stars",
                rows: [
                    (
                        "전체 overall", product.score.reviews, "리뷰 reviews", product.score.sentiment,
                        product.score.meanRating
                    )
                ]
                    + product.score.topics.map { ($0.topic, $0.sentences, "문장 sentences", $0.sentiment, $0.meanRating) }
            )
            let positive = WordCloud(
                id: "cloud-positive-\(index)", label: "긍정 단어 Positive words",
                words: product.words.positive, tone: .positive)
            let negative = WordCloud(
                id: "cloud-negative-\(index)", label: "부정 단어 Negative words",
                words: product.words.negative, tone: .negative)
            blocks +=
                "<div class=\"review-product\" data-product=\"\(MarkupText.escape(product.productID))\">"
                + "<h3>\(MarkupText.escape(product.name ?? product.productID))</h3>"
                + "<p>리뷰 \(NumberText.grouped(Double(product.score.reviews)))건 reviews · 평균 별점 mean stars "
                + "\(product.score.meanRating.map { Format.decimal($0, 2) } ?? "–")</p>"
                + "<div class=\"review-body\"><div>\(bars.svg())</div><div class=\"cloud-pair\">"
                + "<div><h3>긍정 Positive</h3>\(positive.svg())</div>"
                + "<div><h3>부정 Negative</h3>\(negative.svg())</div></div></div></div>"
        }
        return "<section id=\"reviews\"><h2>리뷰 감성·별점 Review sentiment and stars</h2>"
            + "<select id=\"review-product\" class=\"noprint\">\(options)</select>\(blocks)</section>"
    }

    /// Transcript accuracy against the reference, when the broadcast was validated.
    private func validationSection() -> String {
        guard let figures = broadcast.entry.validation else { return "" }
        func row(_ name: String, _ rate: Double, _ counts: ErrorCounts) -> String {
            "<tr><td>\(name)</td><td class=\"num\">\(NumberText.percent(rate))</td>"
                + "<td class=\"num\">\(NumberText.grouped(Double(counts.substitutions)))</td>"
                + "<td class=\"num\">\(NumberText.grouped(Double(counts.deletions)))</td>"
                + "<td class=\"num\">\(NumberText.grouped(Double(counts.insertions)))</td>"
                + "<td class=\"num\">\(NumberText.grouped(Double(counts.referenceLength)))</td></tr>"
        }
        return """
            <section id="validation"><h2>전사 정확도 Transcript accuracy \
            <span class="zoom-note">(참조 대본 대비 against the reference, \(Format.date(figures.validated)))</span></h2>
            <table id="validation-figures"><thead><tr><th></th><th class="num">오류율 Rate</th>\
            <th class="num">대체 S</th><th class="num">삭제 D</th>
            <th class="num">삽입 I</th><th class="num">참조 Reference</th></tr></thead><tbody>
            \(row("문자 Characters (CER)", figures.cer, figures.characters))\
            \(row("어절 Words (WER)", figures.wer, figures.words))
            <tr><td>문장 Sentences (SER)</td><td class="num">\(NumberText.percent(figures.sentenceErrorRate))</td>\
            <td></td><td></td><td></td>
            <td class="num">\(NumberText.grouped(Double(figures.items)))</td></tr></tbody></table></section>
            """
    }

    static func correctionName(_ correction: MultipleComparison) -> String {
        switch correction {
        case .holm: "Holm"
        case .benjaminiHochberg: "Benjamini–Hochberg"
        case .none: "무보정"
        }
    }

    static func genderName(_ code: String) -> String {
        switch code.uppercased() {
        case "F": "여성 female"
        case "M": "남성 male"
        default: code
        }
    }
}
