import Formatting
import Insight
import Markup

extension DashboardPage {
    /// True when the mention table carries verdict buttons: the server's page, for an analyst who may give them.
    var verdictForms: Bool { assets == .linked && reviewer?.role.allows(.contribute) == true }

    /// The verdict forms of this page's mentions, coming back to the same page of the table; nil without
    /// ``verdictForms``.
    private var verdictForm: VerdictForm? {
        guard verdictForms, let reviewer else { return nil }
        let back = "/broadcasts/" + PageShell.pathSegment(broadcast.entry.id) + mentions.link() + "#ments"
        return VerdictForm(viewer: reviewer, broadcastID: broadcast.entry.id, next: back)
    }

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

    /// A row's verdict buttons (none without ``verdictForms``).
    func verdictCell(_ mention: Mention) -> String {
        verdictForm.map { "<td class=\"verdict noprint\">" + $0.buttons(mention) + "</td>" } ?? ""
    }

    /// The mentions analysts rejected, under the table, each with a button that gives it back (for analysts).
    func rejectedList() -> String {
        let rejected = broadcast.verdicts.rejected.sorted { $0.time < $1.time }
        guard !rejected.isEmpty else { return "" }
        let items = rejected.map { entry in
            let who = (entry.by.map { " · " + MarkupText.escape($0) } ?? "") + " · " + Format.date(entry.at)
            let restore = verdictForm?.restore(entry) ?? ""
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
}
