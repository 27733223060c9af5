import Formatting
import Insight
import Markup

extension DashboardPage {
    /// The "Keywords × events" table, a row per mention. The server's page holds one page of rows (`mentions`) with
    /// links that page, sort and search on the server, so a long show's page stays small and works without
    /// JavaScript; the stand-alone report (inline assets) holds every row, sorted and searched in the browser.
    func mentTable() -> String {
        let report = broadcast.report, linked = assets == .linked
        let (rows, pager) = linked ? pagedRows() : (report.ments.map(mentRow).joined(), "")
        let controls =
            linked
            ? searchForm() + (playable ? player() : "")
            : "<input class=\"search\" type=\"search\" placeholder=\"검색 Search\" "
                + "data-table=\"ments\" id=\"ment-search\">"
        let window = report.options
        let minutes = NumberText.grouped(window.windowStart / 60) + "–" + NumberText.grouped(window.windowEnd / 60)
        let censored = report.ments.filter { $0.coverage == .afterEnd }.count
        let censoredNote = censored > 0 ? " · 방송 종료 후 창 \(censored)건 제외 \(censored) after the end, left out" : ""
        let head =
            Self.mentColumns.map { heading($0, linked: linked) }.joined()
            + (verdictForms ? "<th class=\"noprint\">검토 Verdict</th>" : "")
        return """
            <section class="wide"><h2>키워드 × 이벤트 Keywords × events \
            <span class="zoom-note">(\(minutes)분 후 window\(censoredNote))</span></h2>
            \(controls)<div class="scroll"><table\(linked ? "" : " class=\"sortable\"") id="ments">\
            <thead><tr>\(head)</tr></thead>
            <tbody>\(rows)</tbody></table></div>\(pager)\(rejectedList())</section>
            """
    }

    /// The rows of the page `mentions` asks for, and the pager under them: links to the pages before and after.
    private func pagedRows() -> (rows: String, pager: String) {
        let matched = mentions.matching(broadcast.report.ments)
        let (shown, page, pages) = mentions.pageOf(matched)
        func step(_ to: Int, _ korean: String, _ english: String, _ relation: String) -> String {
            guard to >= 1, to <= pages, to != page else { return "" }
            let href = MarkupText.escape(mentions.link { $0.page = to }) + "#ments"
            return "<a href=\"\(href)\" rel=\"\(relation)\">\(Bilingual.both(korean, english))</a>"
        }
        let pager =
            "<div class=\"pager noprint\" id=\"ments-pager\">\(step(page - 1, "‹ 이전", "‹ Previous", "prev")) "
            + "<span class=\"page-info\">\(page) / \(pages) (\(matched.count))</span> "
            + "\(step(page + 1, "다음 ›", "Next ›", "next"))</div>"
        return (shown.map(mentRow).joined(), pager)
    }

    /// A column of the mention table: its sort key (nil: not sortable on the server), label, hover text, numeric.
    private typealias MentColumn = (
        sort: MentionQuery.Column?, korean: String, english: String, tip: String?, numeric: Bool
    )

    private static let mentColumns: [MentColumn] = [
        (.time, "시간", "Time", nil, false), (.keyword, "키워드", "Keyword", nil, false),
        (.topic, "주제", "Topic", nil, false), (nil, "멘트", "Ment", nil, false),
        (
            .confidence, "확신도", "Confidence",
            "키워드가 실제로 말해졌을 확률(실제 음성 검증 세트로 보정). 낮은 것부터 정렬해 들어 보고 확인하세요. "
                + "The chance that the keyword was really said here, as calibrated on held-out real speech; sort "
                + "by it to listen to the least certain mentions first.", true
        ),
        (nil, "창", "Window", "창이 방송 안에 모두 있는지. Whether the window lies wholly inside the show.", false),
        (
            .purchases, "구매", "Purchases",
            "이 언급의 창 안 구매 건수(다른 언급의 창과 겹칠 수 있어 합산하면 안 됩니다). "
                + "Purchases in this mention's window; windows overlap, so these do not add up.", true
        ),
        (
            .expected, "기대", "Expected",
            "기준 구매율(키워드 창 밖)과 시청자 수로 예상한 구매 건수. "
                + "Purchases the baseline rate predicts for this window, given the viewers present.", true
        ),
        (.excess, "초과", "Excess", "구매 − 기대: 기준보다 많았던 구매. Observed minus expected purchases.", true),
        (
            .credited, "귀속 매출", "Credited revenue",
            "유의한 키워드의 기준 초과 매출 중 이 언급의 몫(창이 겹치는 같은 키워드 "
                + "언급끼리 나눔): 합산해도 중복되지 않습니다. This mention's part of its keyword's revenue above baseline "
                + "(significant keywords only); these add up without double counting.", true
        ),
    ]

    /// A column heading: on the server a link that sorts by it (again: the other way), marked when it is the order.
    private func heading(_ column: MentColumn, linked: Bool) -> String {
        var classes = column.numeric ? ["num"] : []
        let tip = column.tip.map { " data-tip=\"\(MarkupText.escape($0))\"" } ?? ""
        guard linked, let key = column.sort else {
            return "<th\(column.numeric ? " class=\"num\"" : "")\(tip)>\(column.korean) \(column.english)</th>"
        }
        let current = mentions.sort == key
        if current { classes.append(mentions.descending ? "desc" : "asc") }
        let href =
            MarkupText.escape(
                mentions.link { query in
                    (query.page, query.sort, query.descending) = (1, key, current && !query.descending)
                }) + "#ments"
        let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        let label = Bilingual.both(column.korean, column.english)
        return "<th\(classAttribute)\(tip)><a href=\"\(href)\">\(label)</a></th>"
    }

    /// Seconds of recording a ▶ plays before the mention starts.
    static let playLead = 0.5

    /// The recording's player (streamed by the server), which each row's ▶ starts at its mention.
    private func player() -> String {
        "<audio id=\"player\" class=\"noprint\" controls preload=\"metadata\" "
            + "src=\"/broadcasts/\(PageShell.pathSegment(broadcast.entry.id))/audio\"></audio>"
    }

    /// The server's search box: a GET form that keeps the order and starts at the first page.
    private func searchForm() -> String {
        let order =
            mentions.sort == .time && !mentions.descending
            ? "" : "<input type=\"hidden\" name=\"sort\" value=\"\(mentions.sortField)\">"
        return "<form class=\"noprint\" method=\"get\" action=\"#ments\" id=\"ment-search-form\">"
            + "<input class=\"search\" type=\"search\" name=\"q\" value=\"\(MarkupText.escape(mentions.search))\" "
            + "placeholder=\"검색 Search\" id=\"ment-search\">\(order) <button type=\"submit\">검색 Search</button></form>"
    }

    /// One mention's row.
    private func mentRow(_ ment: MentWindow) -> String {
        let mention = ment.mention, counts = ment.counts
        let transcript = "/broadcasts/\(PageShell.pathSegment(broadcast.entry.id))/transcript#t\(Int(mention.time))"
        let clock = NumberText.clock(mention.time)
        // ▶ plays the recording from just before the mention, to hear whether the keyword was said.
        let play =
            playable
            ? " <button type=\"button\" class=\"play noprint\" data-seek=\"\(max(0, mention.time - Self.playLead))\" "
                + "title=\"듣기 Listen\">▶</button>" : ""
        let time = assets == .linked ? "<a href=\"\(transcript)\" target=\"_blank\">\(clock)</a>\(play)" : clock
        var row =
            "<tr class=\"\(ment.coverage.rawValue)\"><td data-sort=\"\(mention.time)\">\(time)</td>"
            + "<td>\(MarkupText.escape(mention.keyword))</td><td>\(MarkupText.escape(mention.topic))</td>"
            + "<td>\(MarkupText.escape(mention.ment))</td>"
            + confidenceCell(mention)
        switch ment.coverage {
        case .afterEnd:
            return row + "<td class=\"censored\" colspan=\"5\" data-tip=\"방송이 끝난 뒤의 창이라 관측되지 않았고 "
                + "추정에서 제외했습니다. The window lies after the end of the show: nothing was observed, and the mention is "
                + "left out of every estimate.\">방송 종료 후 창 window after the end</td>\(verdictCell(mention))</tr>"
        case .cut:
            row +=
                "<td data-tip=\"창의 일부만 방송 안에 있습니다(관측된 부분만 씁니다). Only part of the window lies inside the "
                + "show; the observed part counts.\">"
                + "일부 cut (\(NumberText.clock(ment.windowEnd - ment.windowStart)))</td>"
        case .complete:
            row += "<td>전체 full</td>"
        }
        let expected = ment.expectedPurchases ?? 0, excess = ment.excessPurchases ?? 0
        return row
            + "<td class=\"num\" data-sort=\"\(counts.purchases)\">\(NumberText.grouped(Double(counts.purchases)))</td>"
            + "<td class=\"num\" data-sort=\"\(expected)\">\(Format.decimal(expected))</td>"
            + "<td class=\"num\" data-sort=\"\(excess)\">\(Format.signed(excess))</td>"
            + "<td class=\"num\" data-sort=\"\(ment.creditedRevenue)\">"
            + "\(NumberText.won(ment.creditedRevenue))</td>\(verdictCell(mention))</tr>"
    }
}
