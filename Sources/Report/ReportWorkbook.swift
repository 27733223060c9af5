import Insight

/// The broadcast's XLSX report: sheets Summary, Keywords, Mentions, Events (per minute) and Reviews.
public enum ReportWorkbook {
    /// Names of the sheets, in order.
    public static let sheetNames = ["Summary", "Keywords", "Mentions", "Events", "Reviews"]

    /// The workbook for `broadcast`.
    public static func workbook(_ broadcast: Broadcast) -> XLSXWorkbook {
        typealias Cell = XLSXWorkbook.Cell
        let report = broadcast.report, summary = report.summary
        func number(_ value: Double?) -> Cell { value.map(Cell.number) ?? .empty }
        func count(_ value: Int) -> Cell { .number(Double(value)) }

        var summaryRows: [[Cell]] = [[.text("항목 Item"), .text("값 Value")],
            [.text("방송 Broadcast"), .text(broadcast.entry.title)],
            [.text("길이 Length (s)"), .number(report.duration)],
            [.text("종합 점수 Total score"), .number(summary.totalScore)],
            [.text("판매 수량 Units sold"), count(summary.unitsSold)],
            [.text("매출 Revenue"), .number(summary.revenue)],
            [.text("예상 매출 Expected revenue"), .number(summary.expectedRevenue)],
            [.text("목표 수량 Target units"), number(summary.targetUnits.map(Double.init))],
            [.text("달성률 Achievement rate"), number(summary.achievementRate)]]
        for product in summary.products {
            summaryRows.append([.text("상품 Product \(product.id) \(product.name ?? "")"), count(product.units)])
        }
        for sentence in Findings(broadcast).sentences { summaryRows.append([.text("요약 Finding"), .text(sentence.korean + " / " + sentence.english)]) }

        let keywordRows: [[Cell]] = [["키워드 Keyword", "주제 Topic", "Mentions", "Uplift", "Low", "High", "p", "Adjusted p", "State",
                                      "Attributed purchases", "Attributed revenue", "Share"].map(Cell.text)]
            + (report.keywords + report.topics).map { impact in
                [.text(impact.name), .text(impact.topic), count(impact.mentions), number(impact.uplift), number(impact.upliftLow),
                 number(impact.upliftHigh), number(impact.pValue), number(impact.adjustedPValue), .text(impact.evidence.rawValue),
                 .number(impact.attributedPurchases), .number(impact.attributedRevenue), .number(impact.contributionShare)]
            }

        let mentionRows: [[Cell]] = [["Time (s)", "키워드 Keyword", "주제 Topic", "멘트 Ment", "Source", "Confidence", "Views", "Carts",
                                      "Purchases", "Units", "Comments", "Revenue", "Window", "Expected purchases", "Excess purchases",
                                      "Credited revenue"].map(Cell.text)]
            + report.ments.map { ment in
                let mention = ment.mention, counts = ment.counts
                return [.number(mention.time), .text(mention.keyword), .text(mention.topic), .text(mention.ment), .text(mention.source.rawValue),
                        .number(mention.confidence), count(counts.views), count(counts.carts), count(counts.purchases), count(counts.units),
                        count(counts.comments), .number(counts.revenue), .text(ment.coverage.rawValue), number(ment.expectedPurchases),
                        number(ment.excessPurchases), .number(ment.creditedRevenue)]
            }

        let eventRows: [[Cell]] = [["Minute", "Views", "Carts", "Purchases", "Units", "Comments", "Likes", "Revenue", "Viewers"].map(Cell.text)]
            + report.timeline.map { point in
                let counts = point.counts
                return [count(point.minute), count(counts.views), count(counts.carts), count(counts.purchases), count(counts.units),
                        count(counts.comments), count(counts.likes), .number(counts.revenue), number(point.viewers)]
            }

        var reviewRows: [[Cell]] = [["Product", "Name", "Topic", "Sentiment (0-5)", "Mean stars", "Reviews/sentences",
                                     "Positive words", "Negative words"].map(Cell.text)]
        for product in broadcast.showReviews {
            let name = Cell.text(product.name ?? broadcast.productName(product.productID))
            reviewRows.append([.text(product.productID), name, .text("전체 overall"), .number(product.sentiment), number(product.meanRating),
                               count(product.reviews), .text(product.positiveWords.map(\.word).joined(separator: ", ")),
                               .text(product.negativeWords.map(\.word).joined(separator: ", "))])
            for topic in product.topics {
                reviewRows.append([.text(product.productID), name, .text(topic.topic), .number(topic.sentiment), number(topic.meanRating),
                                   count(topic.sentences)])
            }
        }
        return XLSXWorkbook(sheets: zip(sheetNames, [summaryRows, keywordRows, mentionRows, eventRows, reviewRows])
            .map { XLSXWorkbook.Sheet(name: $0, rows: $1) })
    }
}
