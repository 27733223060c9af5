import Catchphrases
import Formatting
import Markup

/// Sales lines suggested from reviews, per product: each with its evidence (figures and the review sentences
/// quoted); analysts and admins approve (after editing, if they like) or reject. Approved lines are listed
/// with the keyword-list export for the next show.
public struct CatchphrasesPage {
    /// Every stored line.
    public var lines: [Catchphrase]
    /// Who is looking.
    public var viewer: PageViewer

    /// Creates the page.
    public init(lines: [Catchphrase], viewer: PageViewer) { (self.lines, self.viewer) = (lines, viewer) }

    /// The page's HTML.
    public func html() -> String {
        let approved = lines.filter { $0.state == .approved }
        let body = """
            <section><h2>판매 문구 제안 Suggested lines (\(lines.filter { $0.state == .suggested }.count))</h2>
            <p class="note">리뷰에서 평가가 좋은 주제(리뷰 10개 이상, 긍정 문장 70% 이상, 점수 4.0/5 이상)로 만든 문구입니다.</p>
            \(table(lines.filter { $0.state == .suggested }, id: "suggested"))</section>
            <section><h2>승인된 문구 Approved lines (\(approved.count))</h2>
            <p><a href="/catchphrases/keywords.csv"
            id="export-keywords" download>키워드 목록 CSV (다음 방송 run --keywords)</a></p>
            \(table(approved, id: "approved"))</section>
            <section>
            <h2>반려된 문구 Rejected lines</h2>\(table(lines.filter { $0.state == .rejected }, id: "rejected"))</section>
            """
        return PageShell(title: "판매 문구", assets: .linked).render(header: viewer.header("판매 문구"), body: body)
    }

    private func table(_ lines: [Catchphrase], id: String) -> String {
        let rows = lines.map { line in
            let evidence = line.evidence
            let quotes = evidence.quotes.map { "<li>“\(MarkupText.escape($0))”</li>" }.joined()
            let figures =
                "\(MarkupText.escape(line.topic)) \(Format.decimal(evidence.score))/5 · 리뷰 \(evidence.reviews)개 · "
                + "긍정 \(NumberText.percent(evidence.positiveShare)) · "
                + "‘\(MarkupText.escape(line.hook))’ \(evidence.hookReviews)개 리뷰"
            let text =
                "<input name=\"line\" class=\"line\" value=\"\(MarkupText.escape(line.line))\" maxlength=\"120\""
                + " size=\"48\">"
            let cell =
                viewer.role.allows(.contribute) && line.state != .approved
                ? viewer.form(
                    "/catchphrases/\(line.id)",
                    text + """
                        <button type="submit" name="action" value="approve" class="approve">승인 Approve</button>
                        <button type="submit" name="action" value="reject" class="reject">반려 Reject</button>
                        """)
                : "<span class=\"line\">\(MarkupText.escape(line.line))</span>"
            return "<tr data-id=\"\(line.id)\"><td>\(MarkupText.escape(line.productID))</td><td>\(cell)</td>"
                + "<td>\(figures)<ul class=\"quotes\">\(quotes)</ul></td></tr>"
        }.joined()
        return
            "<table id=\"catchphrases-\(id)\"><thead><tr><th>상품 Product</th><th>문구 Line</th><th>근거 Evidence</th></tr>"
            + "</thead>"
            + "<tbody>\(rows)</tbody></table>"
    }
}
