import Formatting
import Insight
import Markup

/// The mentions most worth listening to, across every show: those no analyst has confirmed, whose window lies in
/// the show (so they count in its figures), least confident first. Each row plays its show's recording from just
/// before the mention, and analysts reject or confirm it there (`POST /broadcasts/:id/verdicts`, back to the queue).
public struct ReviewQueuePage {
    /// The shows with an alignment.
    public var broadcasts: [Broadcast]
    /// Who is looking; the buttons are an analyst's or admin's.
    public var viewer: PageViewer
    /// Whether the server records verdicts.
    public var takesVerdicts: Bool

    /// Rows the queue shows.
    public static let length = 50

    /// Creates the page.
    public init(broadcasts: [Broadcast], viewer: PageViewer, takesVerdicts: Bool) {
        (self.broadcasts, self.viewer, self.takesVerdicts) = (broadcasts, viewer, takesVerdicts)
    }

    /// The queue: (show, mention) pairs, least confident first (ties in show and time order).
    public var queue: [(broadcast: Broadcast, mention: Mention)] {
        let open = broadcasts.flatMap { broadcast in
            broadcast.report.ments.filter { $0.coverage != .afterEnd && $0.mention.confirmedBy == nil }.map {
                (broadcast: broadcast, mention: $0.mention)
            }
        }
        return Array(
            open.enumerated().sorted { a, b in
                a.element.mention.confidence != b.element.mention.confidence
                    ? a.element.mention.confidence < b.element.mention.confidence : a.offset < b.offset
            }.map(\.element).prefix(Self.length))
    }

    /// The page's HTML.
    public func html() -> String {
        let buttons = takesVerdicts && viewer.role.allows(.contribute), queue = self.queue
        let rows = queue.map { broadcast, mention in
            let id = broadcast.entry.id, base = "/broadcasts/" + PageShell.pathSegment(id)
            let play =
                "<button type=\"button\" class=\"play\" data-src=\"\(base)/audio\" "
                + "data-seek=\"\(max(0, mention.time - DashboardPage.playLead))\" title=\"듣기 Listen\">▶</button>"
            let verdict =
                buttons
                ? "<td class=\"verdict\">"
                    + VerdictForm(viewer: viewer, broadcastID: id, next: "/review").buttons(mention) + "</td>" : ""
            return
                "<tr><td><a href=\"\(base)?sort=confidence#ments\">\(MarkupText.escape(broadcast.entry.title))</a></td>"
                + "<td>\(NumberText.clock(mention.time)) \(play)</td><td>\(MarkupText.escape(mention.keyword))</td>"
                + "<td class=\"num\">\(NumberText.percent(mention.confidence, decimals: 0))</td>"
                + "<td>\(MarkupText.escape(mention.ment))</td>\(verdict)</tr>"
        }.joined()
        let body = """
            <section class="wide"><h2>언급 검토 Mentions to review (\(queue.count))</h2>\
            <p class="note">확인되지 않은 언급 중 확신도가 낮은 순서입니다. 들어 보고 말하지 않았으면 ✕로 빼세요. \
            The unconfirmed mentions that count in a show's figures, least confident first: listen, and reject \
            those not said.</p>\
            <audio id="player" controls preload="none"></audio>\
            <div class="scroll"><table id="review-queue"><thead><tr><th>방송 Show</th><th>시간 Time</th>\
            <th>키워드 Keyword</th><th class="num">확신도 Confidence</th><th>멘트 Ment</th>\
            \(buttons ? "<th>검토 Verdict</th>" : "")</tr></thead><tbody>\(rows)</tbody></table></div></section>
            """
        return PageShell(title: "언급 검토", assets: .linked).render(header: viewer.header("언급 검토"), body: body)
    }
}
