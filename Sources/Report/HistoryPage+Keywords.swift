import Insight
import Markup

extension HistoryPage {
    /// The keywords that lead across shows, at most `limit`: most often significant first, then most mentioned.
    func topKeywords(limit: Int = 6) -> [String] {
        var tally: [String: (significant: Int, mentions: Int)] = [:]
        for keyword in broadcasts.flatMap(\.report.keywords) {
            tally[keyword.name, default: (0, 0)].significant += keyword.significant ? 1 : 0
            tally[keyword.name, default: (0, 0)].mentions += keyword.mentions
        }
        return tally.sorted { a, b in
            (a.value.significant, a.value.mentions, b.key) > (b.value.significant, b.value.mentions, a.key)
        }.prefix(limit).map(\.key)
    }

    /// The top keywords' uplift in each show, in date order: ×uplift, marked ✓ where it survives the correction,
    /// "–" where the show did not test it (the trend of what works, show after show).
    func keywordTrend(_ shows: [Broadcast]) -> String {
        let head = shows.map { "<th>\(MarkupText.escape(Format.date($0.entry.date)))</th>" }.joined()
        let rows = topKeywords().map { name in
            "<tr><td>\(MarkupText.escape(name))</td>"
                + shows.map { show in
                    "<td class=\"num\">\(Self.upliftCell(show.report.keywords.first { $0.name == name }))</td>"
                }.joined() + "</tr>"
        }.joined()
        return "<div class=\"scroll\"><table id=\"trend-keywords\"><thead><tr><th></th>\(head)</tr></thead>"
            + "<tbody>\(rows)</tbody></table></div>"
    }

    /// One show's figure for a keyword.
    static func upliftCell(_ impact: Impact?) -> String {
        guard let impact, let uplift = impact.uplift else { return "–" }
        let figure = "×" + Format.decimal(uplift, 2)
        return impact.significant
            ? "<span class=\"significant\" data-tip=\"보정 후에도 유의 · significant after correction\">\(figure) ✓</span>"
            : figure
    }
}
