import Insight

/// The broadcast's XLSX report: sheets Summary, Keywords, Products, Mentions, Events (per minute) and Reviews,
/// with native number formats (₩, %, m:ss) and charts (keyword uplifts, units against target, sales per minute).
public enum ReportWorkbook {
    /// Names of the sheets, in order.
    public static let sheetNames = ["Summary", "Keywords", "Products", "Mentions", "Events", "Reviews"]

    /// The workbook for `broadcast`.
    public static func workbook(_ broadcast: Broadcast) -> XLSXWorkbook {
        typealias Cell = XLSXWorkbook.Cell
        let report = broadcast.report, summary = report.summary
        func number(_ value: Double?, _ format: XLSXWorkbook.NumberFormat = .general) -> Cell {
            value.map { .number($0, format) } ?? .empty
        }
        func count(_ value: Int) -> Cell { .number(Double(value), .integer) }
        func headers(_ names: [String]) -> [Cell] { names.map(Cell.text) }

        var summaryRows: [[Cell]] = [
            headers(["항목 Item", "값 Value"]),
            [.text("방송 Broadcast"), .text(broadcast.entry.title)],
            [.text("길이 Length"), .number(report.duration, .clock)],
            [.text("종합 점수 Total score"), .number(summary.totalScore, .decimal)],
            [.text("판매 수량 Units sold"), count(summary.unitsSold)],
            [.text("매출 Revenue"), .number(summary.revenue, .won)],
            [
                .text("예상 매출 Expected revenue (open carts converting at the show's rate)"),
                .number(summary.expectedRevenue, .won),
            ],
            [.text("목표 수량 Target units"), number(summary.targetUnits.map(Double.init), .integer)],
            [.text("달성률 Achievement rate"), number(summary.achievementRate, .percent)],
            [.text("최대 동시 시청자 Peak viewers"), number(summary.peakViewers, .integer)],
            [.text("시청 → 장바구니 Viewed → carted (distinct viewers)"), number(report.funnel.viewToCart, .percent)],
            [.text("장바구니 → 구매 Carted → bought (distinct viewers)"), number(report.funnel.cartToPurchase, .percent)],
            [
                .text("유의한 키워드 Significant keywords (Holm-adjusted)"),
                .text("\(summary.significantKeywords) / \(summary.testedKeywords)"),
            ],
        ]
        for sentence in Findings(broadcast).sentences {
            summaryRows.append([.text("요약 Finding"), .text(sentence.korean + " / " + sentence.english)])
        }

        let keywordRows: [[Cell]] =
            [
                headers([
                    "키워드 Keyword", "주제 Topic", "Mentions", "Left out (after the end)", "Uplift", "Low (95%)",
                    "High (95%)", "p", "Adjusted p", "State", "Credited purchases", "Credited revenue", "Share",
                ])
            ]
            + (report.keywords + report.topics).map { impact in
                [
                    .text(impact.name), .text(impact.topic), count(impact.mentions), count(impact.censoredMentions),
                    number(impact.uplift, .decimal), number(impact.upliftLow, .decimal),
                    number(impact.upliftHigh, .decimal),
                    number(impact.pValue, .precise), number(impact.adjustedPValue, .precise),
                    .text(impact.evidence.rawValue),
                    .number(impact.attributedPurchases, .decimal), .number(impact.attributedRevenue, .won),
                    .number(impact.contributionShare, .percent),
                ]
            }

        let products = summary.products.filter { $0.id != "(none)" }
        let productRows: [[Cell]] =
            [
                headers([
                    "Product", "Name", "Units", "Target units", "Revenue", "Achievement", "Carters", "Buyers",
                    "Conversion", "First sale", "Last sale",
                ])
            ]
            + products.map { product in
                [
                    .text(product.id), .text(product.name ?? broadcast.productName(product.id)), count(product.units),
                    number(product.targetUnits.map(Double.init), .integer), .number(product.revenue, .won),
                    number(product.achievementRate, .percent),
                    count(product.carters), count(product.buyers), number(product.conversion, .percent),
                    number(product.firstSale, .clock), number(product.lastSale, .clock),
                ]
            }

        let mentionRows: [[Cell]] =
            [
                headers([
                    "Time", "키워드 Keyword", "주제 Topic", "멘트 Ment", "Source", "Confidence", "Window",
                    "Purchases in window", "Expected purchases", "Excess purchases", "Credited revenue",
                    "Views", "Carts", "Units", "Comments", "Revenue in window", "확인 Confirmed by",
                ])
            ]
            + report.ments.map { ment in
                let mention = ment.mention, counts = ment.counts, observed = ment.coverage != .afterEnd
                return [
                    .number(mention.time, .clock), .text(mention.keyword), .text(mention.topic), .text(mention.ment),
                    .text(mention.source.rawValue), .number(mention.confidence, .decimal),
                    .text(ment.coverage.rawValue),
                    observed ? count(counts.purchases) : .empty, number(ment.expectedPurchases, .decimal),
                    number(ment.excessPurchases, .decimal), .number(ment.creditedRevenue, .won),
                    observed ? count(counts.views) : .empty, observed ? count(counts.carts) : .empty,
                    observed ? count(counts.units) : .empty, observed ? count(counts.comments) : .empty,
                    observed ? .number(counts.revenue, .won) : .empty,
                    mention.confirmedBy.map { .text($0.isEmpty ? "analyst" : $0) } ?? .empty,
                ]
            }

        let eventRows: [[Cell]] =
            [
                headers([
                    "Minute", "Views", "Carts", "Purchases", "Units", "Comments", "Likes", "Revenue", "Viewers",
                    "Peak viewers",
                ])
            ]
            + report.timeline.map { point in
                let counts = point.counts
                return [
                    count(point.minute), count(counts.views), count(counts.carts), count(counts.purchases),
                    count(counts.units),
                    count(counts.comments), count(counts.likes), .number(counts.revenue, .won),
                    number(point.viewers, .integer),
                    number(point.peakViewers, .integer),
                ]
            }

        var reviewRows: [[Cell]] = [
            headers([
                "Product", "Name", "Topic", "Sentiment (0-5)", "Mean stars (1-5)", "Reviews/sentences",
                "Positive words", "Negative words",
            ])
        ]
        for product in broadcast.showReviews {
            let name = Cell.text(product.name ?? broadcast.productName(product.productID))
            let score = product.score
            reviewRows.append([
                .text(product.productID), name, .text("전체 overall"), .number(score.sentiment, .decimal),
                number(score.meanRating, .decimal), count(score.reviews),
                .text(product.words.positive.map(\.word).joined(separator: ", ")),
                .text(product.words.negative.map(\.word).joined(separator: ", ")),
            ])
            for topic in score.topics {
                reviewRows.append([
                    .text(product.productID), name, .text(topic.topic), .number(topic.sentiment, .decimal),
                    number(topic.meanRating, .decimal), count(topic.sentences),
                ])
            }
        }

        return XLSXWorkbook(sheets: [
            XLSXWorkbook.Sheet(name: "Summary", rows: summaryRows),
            XLSXWorkbook.Sheet(
                name: "Keywords", rows: keywordRows,
                charts: [
                    .init(
                        kind: .bar, title: "키워드별 구매율 배수 Uplift by keyword", categories: 0, values: [4],
                        anchor: (1, 14), rowCount: report.keywords.count)
                ]),
            XLSXWorkbook.Sheet(
                name: "Products", rows: productRows,
                charts: [
                    .init(
                        kind: .column, title: "상품별 판매와 목표 Units and target", categories: 1, values: [2, 3],
                        anchor: (products.count + 2, 0))
                ]),
            XLSXWorkbook.Sheet(name: "Mentions", rows: mentionRows),
            XLSXWorkbook.Sheet(
                name: "Events", rows: eventRows,
                charts: [
                    .init(
                        kind: .line, title: "분당 장바구니·구매 Carts and purchases per minute", categories: 0, values: [2, 3],
                        anchor: (1, 11))
                ]),
            XLSXWorkbook.Sheet(name: "Reviews", rows: reviewRows),
        ])
    }
}
