import Insight

/// The written summary of a broadcast's findings: plain sentences, each in Korean and English.
public struct Findings: Sendable, Equatable {
    /// One finding in both languages.
    public struct Sentence: Sendable, Equatable {
        /// Korean.
        public var korean: String
        /// English.
        public var english: String
    }

    /// The findings, most important first.
    public var sentences: [Sentence]

    /// Derives the findings from a broadcast's alignment (and reviews, when present).
    public init(_ broadcast: Broadcast) {
        let report = broadcast.report, summary = report.summary
        var out: [Sentence] = []
        var sales = "총 \(Format.integer(Double(summary.unitsSold)))개, \(Format.won(summary.revenue)) 판매"
        var salesEnglish = "\(Format.integer(Double(summary.unitsSold))) units sold for \(Format.won(summary.revenue))"
        if let rate = summary.achievementRate {
            sales += "로 목표의 \(Format.percent(rate))를 달성했습니다."
            salesEnglish += ", \(Format.percent(rate)) of the target."
        } else { sales += "했습니다."; salesEnglish += "." }
        out.append(Sentence(korean: sales + " 종합 점수는 \(Format.decimal(summary.totalScore))점입니다.",
                            english: salesEnglish + " Total score \(Format.decimal(summary.totalScore)) of 100."))
        if let best = report.keywords.filter({ $0.contributionShare > 0 }).max(by: { $0.contributionShare < $1.contributionShare }) {
            let strength = best.significant ? "통계적으로 유의합니다" : "유의하지는 않습니다"
            let korean = "가장 큰 기여 키워드는 ‘\(best.name)’(\(best.topic))로 구매 기여의 \(Format.percent(best.contributionShare))를 차지합니다."
                + (best.uplift.map { " 언급 후 구매율은 \(Format.decimal($0, 2))배이며 \(strength)." } ?? "")
            let english = "The keyword contributing most is ‘\(best.name)’ (\(best.topic)): \(Format.percent(best.contributionShare)) of credited purchases."
                + (best.uplift.map { " Purchase rate ×\(Format.decimal($0, 2)) after mentions (\(best.significant ? "significant" : "not significant"))." } ?? "")
            out.append(Sentence(korean: korean, english: english))
        }
        if let topic = report.topics.max(by: { $0.contributionShare < $1.contributionShare }), topic.contributionShare > 0 {
            out.append(Sentence(korean: "주제별로는 ‘\(topic.name)’ 멘트의 기여가 \(Format.percent(topic.contributionShare))로 가장 컸습니다.",
                                english: "By topic, ‘\(topic.name)’ ments contributed most (\(Format.percent(topic.contributionShare)))."))
        }
        if let cartRate = report.funnel.cartToPurchase {
            out.append(Sentence(korean: "장바구니 \(Format.integer(Double(report.funnel.carts)))건 중 \(Format.percent(cartRate))가 구매로 이어졌습니다.",
                                english: "\(Format.percent(cartRate)) of \(Format.integer(Double(report.funnel.carts))) cart adds became purchases."))
        }
        if let peak = report.timeline.max(by: { $0.counts.purchases < $1.counts.purchases }), peak.counts.purchases > 0 {
            out.append(Sentence(korean: "구매가 가장 많았던 시점은 \(peak.minute)분(분당 \(peak.counts.purchases)건)입니다.",
                                english: "Purchases peaked at minute \(peak.minute) (\(peak.counts.purchases) per minute)."))
        }
        if let viewers = report.timeline.compactMap({ point in point.viewers.map { (point.minute, $0) } }).max(by: { $0.1 < $1.1 }) {
            out.append(Sentence(korean: "동시 시청자는 \(viewers.0)분에 \(Format.integer(viewers.1))명으로 최대였습니다.",
                                english: "Concurrent viewers peaked at \(Format.integer(viewers.1)) at minute \(viewers.0)."))
        }
        for product in broadcast.reviews?.products ?? [] {
            guard let best = product.topics.max(by: { $0.sentiment < $1.sentiment }),
                  let worst = product.topics.min(by: { $0.sentiment < $1.sentiment }), best.topic != worst.topic else { continue }
            let name = product.name ?? broadcast.productName(product.productID)
            out.append(Sentence(
                korean: "\(name) 리뷰에서는 ‘\(best.topic)’ 평가가 가장 좋고(\(Format.decimal(best.sentiment, 1))/5) ‘\(worst.topic)’이 가장 낮습니다(\(Format.decimal(worst.sentiment, 1))/5).",
                english: "Reviews of \(name) rate ‘\(best.topic)’ best (\(Format.decimal(best.sentiment, 1))/5) and ‘\(worst.topic)’ lowest (\(Format.decimal(worst.sentiment, 1))/5)."))
        }
        sentences = out
    }
}
