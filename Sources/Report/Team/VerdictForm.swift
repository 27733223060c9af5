import Insight
import Markup

/// The verdict buttons of a show's mentions: forms that post to `POST /broadcasts/:id/verdicts` with the viewer's
/// CSRF token and come back to `next`. Used by the show's mention table and by the review queue.
struct VerdictForm {
    /// Who gives the verdicts.
    let viewer: PageViewer
    /// The show the mentions belong to.
    let broadcastID: String
    /// The page to come back to.
    let next: String

    /// Reject and confirm, or withdraw a confirmation.
    func buttons(_ mention: Mention) -> String {
        let buttons =
            mention.confirmedBy == nil
            ? button(.rejected, "✕ 아님", "Not said: the recogniser misheard. The mention leaves the analysis.")
                + button(.confirmed, "✓ 맞음", "Said: keep it at confidence 1.")
            : button(nil, "↺ 취소", "Withdraw the confirmation.")
        return form(mention.keyword, mention.time, buttons)
    }

    /// Gives a rejected mention back.
    func restore(_ entry: MentionVerdicts.Entry) -> String {
        form(
            entry.keyword, entry.time,
            button(nil, "↺ 되돌리기 Restore", "The keyword was said after all: count the mention again."))
    }

    private func form(_ keyword: String, _ time: Double, _ buttons: String) -> String {
        viewer.form(
            "/broadcasts/" + PageShell.pathSegment(broadcastID) + "/verdicts",
            hidden("keyword", keyword) + hidden("time", String(time)) + hidden("next", next) + buttons)
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
