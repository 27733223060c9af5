import Formatting
import Insight
import Markup

/// A table of effects (a show's keywords or topics, or keywords pooled over shows): each with its interval,
/// adjusted p-value, state and credited share; hover explains each figure. With `shows`, a column says how
/// many shows stand behind each pooled estimate.
struct EffectTable {
    var id: String
    var impacts: [Impact]
    /// Shows per effect (pooled effects only).
    var shows: [Int]? = nil

    /// Effects in the given order (significant first, by credit; then by p-value), each with its interval,
    /// adjusted p-value, state and credited share; hover explains each figure.
    func html() -> String {
        let rows = impacts.enumerated().map { index, impact in
            let mentions =
                impact.censoredMentions > 0
                ? "<span data-tip=\"\(impact.censoredMentions)건은 창이 방송 종료 후라 제외. \(impact.censoredMentions) with the "
                    + "window after the end, left out.\">\(impact.mentions) (−\(impact.censoredMentions))</span>"
                : "\(impact.mentions)"
            return
                "<tr class=\"\(impact.evidence.rawValue)\" data-tip=\"\(MarkupText.escape(EffectText.tip(impact)))\">"
                + "<td>\(MarkupText.escape(impact.name))</td>"
                + "<td>\(MarkupText.escape(impact.topic))</td>"
                + (shows.map { "<td class=\"num\">\($0[index])</td>" } ?? "")
                + "<td class=\"num\" data-sort=\"\(impact.mentions)\">\(mentions)</td>"
                + "<td class=\"num\" data-sort=\"\(impact.uplift ?? 0)\">\(EffectText.uplift(impact))</td>"
                + "<td class=\"num\" data-sort=\"\(impact.adjustedPValue ?? 2)\">"
                + "\(EffectText.pValue(impact.adjustedPValue))</td>"
                + "<td><span class=\"state \(impact.evidence.rawValue)\">\(EffectText.state(impact))</span></td>"
                + "<td class=\"num\" data-sort=\"\(impact.contributionShare)\">"
                + "\(impact.significant ? NumberText.percent(impact.contributionShare) : "–")</td></tr>"
        }.joined()
        return
            "<div class=\"scroll\"><table class=\"sortable\" id=\"\(id)\"><thead><tr><th>이름 Name</th><th>주제 Topic</th>"
            + (shows == nil
                ? ""
                : "<th class=\"num\" data-tip=\"추정에 쓰인 방송 수. Shows whose estimate entered the pool.\">방송 Shows</th>")
            + "<th class=\"num\" data-tip=\"언급 횟수(괄호: 창이 방송 종료 후라 제외된 수). Mentions (in brackets: those left out, "
            + "window after the end).\">언급 Mentions</th>"
            + "<th class=\"num\" data-tip=\"언급 후 창에서 구매율이 기준의 몇 배인지와 95% 신뢰구간. How many times the baseline purchase "
            + "rate in the windows after its mentions, with its 95% interval.\">구매율 배수 Uplift (95%)</th>"
            + "<th class=\"num\" data-tip=\"효과가 없을 때 이만큼 큰 차이가 우연히 나올 확률을 검정한 키워드 수로 보정한 값. The chance of so large a "
            + "difference without any effect, adjusted for the number of keywords tested.\">보정 p Adj. p</th>"
            + "<th data-tip=\"보정 p가 수준 미만이면 유의, 아니면 근거 부족. Significant when the adjusted p is below the level; "
            + "otherwise not enough evidence.\">판정 State</th>"
            + "<th class=\"num\" data-tip=\"유의한 키워드에 귀속된 기준 초과 구매 중 이 키워드의 몫. Its part of the purchases above baseline "
            + "credited to significant keywords.\">기여 Share</th>"
            + "</tr></thead><tbody>\(rows)</tbody></table></div>"
    }

}
