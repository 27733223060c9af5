import Insight
import Markup

/// The keyword leaderboard over every broadcast: each keyword's effect pooled over the shows that mention it
/// (`PooledEffects`: inverse-variance weighting, so more shows give narrower intervals), adjusted for the
/// number of keywords, ranked like a single show's (significant first, by credited purchases; then by p-value).
public struct LeaderboardPage {
    /// The broadcasts pooled (those with an alignment).
    public var broadcasts: [Broadcast]

    /// Creates the page.
    public init(broadcasts: [Broadcast]) { self.broadcasts = broadcasts }

    /// The pooled keyword effects, as the page ranks them.
    public var effects: [PooledEffects.Effect] { PooledEffects.pool(broadcasts.map(\.report)) }

    /// The page's HTML (assets linked from the server).
    public func html() -> String {
        let effects = self.effects, topics = PooledEffects.pool(broadcasts.map(\.report), topics: true)
        let chart = IntervalChart(
            id: "chart-pooled", label: "방송 통합 키워드 효과 Keyword effects pooled over shows", impacts: effects.map(\.impact))
        let note =
            "방송 \(broadcasts.count)개의 키워드별 추정치를 역분산 가중으로 합쳤습니다(방송마다 기준 구매율은 따로). 방송이 많을수록 구간이 좁아집니다. "
            + "p값은 키워드 \(effects.count)개에 대해 Holm 방식으로 보정했습니다."
        let english =
            "Each show's estimate of a keyword is combined by inverse-variance weighting "
            + "(every show keeps its own baseline): more shows, "
            + "narrower intervals. p-values are adjusted (Holm) for the \(effects.count) keywords. "
            + "Heterogeneity (Cochran's Q) is on hover."
        let varied = effects.filter { ($0.heterogeneityP ?? 1) < 0.05 }.map(\.impact.name)
        let warning =
            varied.isEmpty
            ? ""
            : "<p class=\"note\">방송마다 효과가 다른 키워드(Cochran Q p < 0.05) Effects that differ between shows: "
                + MarkupText.escape(varied.joined(separator: ", ")) + "</p>"
        let body = """
            <section class="wide" id="leaderboard"><h2>키워드 순위 Keyword leaderboard \
            <span class="zoom-note">(방송 \(broadcasts.count)개 \(broadcasts.count) shows)</span></h2>
            <p class="note">\(Bilingual.both(MarkupText.escape(note), MarkupText.escape(english)))</p>\(warning)\
            <div class="intervals">\(chart.svg())</div>
            \(EffectTable(id: "pooled", impacts: effects.map(\.impact), shows: effects.map(\.shows)).html())
            <h3>주제 Topics</h3>\
            \(EffectTable(id: "pooled-topics", impacts: topics.map(\.impact), shows: topics.map(\.shows)).html())\
            </section>
            """
        return PageShell(title: "키워드 순위 · LiveInsight", assets: .linked)
            .render(
                header: "<h1>키워드 순위 Keyword leaderboard</h1><span class=\"noprint\"><a href=\"/\">목록 List</a></span>",
                body: body)
    }
}
