import Formatting
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
        var sales = "총 \(NumberText.grouped(Double(summary.unitsSold)))개, \(NumberText.won(summary.revenue)) 판매"
        var salesEnglish =
            "\(NumberText.grouped(Double(summary.unitsSold))) units sold for "
            + NumberText.won(summary.revenue)
        if let rate = summary.achievementRate {
            sales += "로 목표의 \(NumberText.percent(rate))를 달성했습니다."
            salesEnglish += ", \(NumberText.percent(rate)) of the target."
        } else {
            sales += "했습니다."; salesEnglish += "."
        }
        out.append(
            Sentence(
                korean: sales + " 종합 점수는 \(Format.decimal(summary.totalScore))점입니다.",
                english: salesEnglish + " Total score \(Format.decimal(summary.totalScore)) of 100."))
        out += Self.effectFindings(report)
        out += Self.verdictFindings(broadcast)
        if let cartRate = report.funnel.cartToPurchase {
            let carters = NumberText.grouped(Double(report.funnel.carters))
            out.append(
                Sentence(
                    korean: "장바구니에 담은 시청자 \(carters)명 중 \(NumberText.percent(cartRate))가 구매했습니다.",
                    english: "\(NumberText.percent(cartRate)) of the \(carters) viewers who carted bought."))
        }
        if let peak = report.timeline.max(by: { $0.counts.purchases < $1.counts.purchases }), peak.counts.purchases > 0
        {
            out.append(
                Sentence(
                    korean: "구매가 가장 많았던 시점은 \(peak.minute)분(분당 \(peak.counts.purchases)건)입니다.",
                    english: "Purchases peaked at minute \(peak.minute) (\(peak.counts.purchases) per minute)."))
        }
        if let peak = summary.peakViewers, let time = summary.peakViewersTime {
            out.append(
                Sentence(
                    korean: "동시 시청자는 \(NumberText.clock(time))에 \(NumberText.grouped(peak))명으로 최대였습니다.",
                    english: "Concurrent viewers peaked at \(NumberText.grouped(peak)) at \(NumberText.clock(time))."))
        }
        for product in broadcast.showReviews {
            // Best and worst only among topics with enough sentences behind them.
            let topics = product.score.topics.filter { $0.sentences >= Broadcast.minimumTopicSentences }
            guard let best = topics.max(by: { $0.sentiment < $1.sentiment }),
                let worst = topics.min(by: { $0.sentiment < $1.sentiment }), best.topic != worst.topic
            else { continue }
            let name = product.name ?? broadcast.productName(product.productID)
            out.append(
                Sentence(
                    korean:
                        "\(name) 리뷰에서는 ‘\(best.topic)’ 평가가 가장 좋고(\(Format.decimal(best.sentiment, 1))/5) "
                        + "‘\(worst.topic)’\(Particle.subject(worst.topic)) 가장 "
                        + "낮습니다(\(Format.decimal(worst.sentiment, 1))/5).",
                    english:
                        "Reviews of \(name) rate ‘\(best.topic)’ best (\(Format.decimal(best.sentiment, 1))/5) and "
                        + "‘\(worst.topic)’ lowest (\(Format.decimal(worst.sentiment, 1))/5)."
                ))
        }
        sentences = out
    }

    /// What analysts' verdicts changed, when they gave any.
    static func verdictFindings(_ broadcast: Broadcast) -> [Sentence] {
        let rejected = broadcast.verdicts.rejected.count
        let confirmed = broadcast.report.ments.filter { $0.mention.confirmedBy != nil }.count
        let heard = rejected + confirmed
        guard heard > 0 else { return [] }
        return [
            Sentence(
                korean: "분석가가 언급 \(heard)건을 듣고 \(confirmed)건을 확인했고, 잘못 인식된 \(rejected)건은 "
                    + "모든 수치에서 제외했습니다.",
                english:
                    "Analysts listened to \(heard) mentions: \(confirmed) confirmed, \(rejected) rejected as misheard "
                    + "and left out of every figure.")
        ]
    }

    /// What the keyword effects say: the significant ones with their intervals, or that none is; and the windows
    /// left out after the end.
    static func effectFindings(_ report: InsightReport) -> [Sentence] {
        var out: [Sentence] = []
        let window =
            "\(NumberText.grouped(report.options.windowStart / 60))–"
            + "\(NumberText.grouped(report.options.windowEnd / 60))분"
        let tested = report.summary.testedKeywords
        let significant = report.keywords.filter(\.significant)
        if significant.isEmpty {
            out.append(
                Sentence(
                    korean: "키워드 \(tested)개 중 다중 비교 보정 후 유의한 효과를 보인 키워드는 없습니다. 판매 기여를 키워드에 나누지 않았습니다.",
                    english:
                        "None of the \(tested) keywords shows an effect that survives the multiple-comparison "
                        + "correction; no sales are credited to keywords."
                ))
        } else {
            let lead = significant.prefix(3)
            let korean = lead.map {
                "‘\($0.name)’ ×\(Format.decimal($0.uplift ?? 1, 2))(95% 구간 \(EffectText.interval($0)))"
            }.joined(separator: ", ")
            let english = lead.map {
                "‘\($0.name)’ ×\(Format.decimal($0.uplift ?? 1, 2)) (95% interval \(EffectText.interval($0)))"
            }.joined(separator: ", ")
            let best = lead[lead.startIndex]
            out.append(
                Sentence(
                    korean: "키워드 \(tested)개 중 \(significant.count)개가 보정 후에도 유의합니다: 언급 \(window) 후 구매율 \(korean). "
                        + "‘\(best.name)’\(Particle.topic(best.name)) 기준 초과 "
                        + "구매의 \(NumberText.percent(best.contributionShare))를 차지합니다.",
                    english:
                        "\(significant.count) of \(tested) keywords remain significant after the correction: purchase "
                        + "rate \(english) in the windows after mentions. "
                        + "‘\(best.name)’ accounts for \(NumberText.percent(best.contributionShare)) of the purchases "
                        + "above baseline."
                ))
            if let topic = report.topics.filter({ $0.contributionShare > 0 }).max(by: {
                $0.contributionShare < $1.contributionShare
            }) {
                out.append(
                    Sentence(
                        korean:
                            "주제별로는 ‘\(topic.name)’ 멘트의 기여가 \(NumberText.percent(topic.contributionShare))로 가장 컸습니다.",
                        english:
                            "By topic, ‘\(topic.name)’ ments contributed most "
                            + "(\(NumberText.percent(topic.contributionShare)))."
                    ))
            }
        }
        let censored = report.ments.filter { $0.coverage == .afterEnd }.count
        if censored > 0 {
            out.append(
                Sentence(
                    korean: "언급 \(report.ments.count)건 중 \(censored)건은 \(window) 창이 방송 종료 후라 분석에서 제외했습니다.",
                    english:
                        "\(censored) of \(report.ments.count) mentions have their window after the end of "
                        + "the show and are left out."
                ))
        }
        return out
    }
}
