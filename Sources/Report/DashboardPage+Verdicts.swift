import Formatting
import Insight
import Markup

extension DashboardPage {
    /// True when the mention table carries verdict buttons: the server's page, for an analyst who may give them.
    var verdictForms: Bool { assets == .linked && reviewer?.role.allows(.contribute) == true }

    /// Where a verdict form posts (`POST /broadcasts/:id/verdicts`).
    private var verdictAction: String { "/broadcasts/" + PageShell.pathSegment(broadcast.entry.id) + "/verdicts" }

    /// A mention's confidence cell: its calibrated confidence, or "confirmed" when an analyst confirmed it.
    func confidenceCell(_ mention: Mention) -> String {
        guard let by = mention.confirmedBy else {
            return "<td class=\"num\" data-sort=\"\(mention.confidence)\">"
                + "\(NumberText.percent(mention.confidence, decimals: 0))</td>"
        }
        let who = by.isEmpty ? "" : " (\(MarkupText.escape(by)))"
        return "<td class=\"num confirmed\" data-sort=\"\(mention.confidence)\" data-tip=\"분석가가 듣고 확인했습니다. "
            + "An analyst listened and confirmed it.\">확인 confirmed\(who)</td>"
    }

    /// A row's verdict buttons (none without ``verdictForms``): reject and confirm, or withdraw a confirmation.
    func verdictCell(_ mention: Mention) -> String {
        guard verdictForms, let reviewer else { return "" }
        let buttons =
            mention.confirmedBy == nil
            ? button(.rejected, "✕ 아님", "Not said: the recogniser misheard. The mention leaves the analysis.")
                + button(.confirmed, "✓ 맞음", "Said: keep it at confidence 1.")
            : button(nil, "↺ 취소", "Withdraw the confirmation.")
        return "<td class=\"verdict noprint\">"
            + reviewer.form(verdictAction, fields(mention.keyword, mention.time) + buttons)
            + "</td>"
    }

    /// The mentions analysts rejected, under the table, each with a button that gives it back (for analysts).
    func rejectedList() -> String {
        let rejected = broadcast.verdicts.rejected.sorted { $0.time < $1.time }
        guard !rejected.isEmpty else { return "" }
        let items = rejected.map { entry in
            let who = (entry.by.map { " · " + MarkupText.escape($0) } ?? "") + " · " + Format.date(entry.at)
            var restore = ""
            if verdictForms, let reviewer {
                restore = reviewer.form(
                    verdictAction,
                    fields(entry.keyword, entry.time)
                        + button(nil, "↺ 되돌리기 Restore", "The keyword was said after all: count the mention again."))
            }
            return
                "<li>\(NumberText.clock(entry.time)) <b>\(MarkupText.escape(entry.keyword))</b>\(who) \(restore)</li>"
        }.joined()
        let heading = Bilingual.both(
            "분석가가 제외한 언급 \(rejected.count)건", "Mentions analysts rejected (\(rejected.count))")
        let note = Bilingual.both(
            "들어 보니 말하지 않은 키워드로, 분석에서 빠졌습니다.", "Listened to and found not said; left out of every figure above.")
        return
            "<div id=\"rejected-mentions\"><h3>\(heading)</h3><p class=\"zoom-note\">\(note)</p><ul>\(items)</ul></div>"
    }

    /// The hidden fields naming a mention, and the page to come back to.
    private func fields(_ keyword: String, _ time: Double) -> String {
        let back = "/broadcasts/" + PageShell.pathSegment(broadcast.entry.id) + mentions.link() + "#ments"
        return hidden("keyword", keyword) + hidden("time", String(time)) + hidden("next", back)
    }

    private func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(MarkupText.escape(value))\">"
    }

    /// A submit button carrying `verdict` (nil: withdraw).
    private func button(_ verdict: MentionVerdicts.Verdict?, _ label: String, _ tip: String) -> String {
        "<button type=\"submit\" name=\"verdict\" value=\"\(verdict?.rawValue ?? "withdrawn")\" "
            + "title=\"\(MarkupText.escape(tip))\">\(label)</button>"
    }
}
