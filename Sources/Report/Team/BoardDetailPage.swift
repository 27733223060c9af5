import Board
import Markup

/// One inquiry with its answers, the answer form (analysts and admins) and approve/reject (admins).
public struct BoardDetailPage {
    /// The inquiry, answers loaded.
    public var inquiry: Inquiry
    /// Who is looking.
    public var viewer: PageViewer

    /// Creates the page.
    public init(inquiry: Inquiry, viewer: PageViewer) { (self.inquiry, self.viewer) = (inquiry, viewer) }

    /// The page's HTML.
    public func html() -> String {
        let answers = inquiry.answers.map { answer in
            "<li class=\"answer\"><p class=\"text\">\(MarkupText.escape(answer.body))</p>"
                + "<p class=\"meta\">\(MarkupText.escape(answer.author)) · \(Format.date(answer.created))</p></li>"
        }.joined()
        let about = [
            inquiry.productID.map { "상품 " + MarkupText.escape($0) },
            inquiry.broadcastID.map {
                "방송 <a href=\"/broadcasts/\(PageShell.pathSegment($0))\">\(MarkupText.escape($0))</a>"
            },
        ]
        .compactMap { $0 }.joined(separator: " · ")
        let answerForm =
            viewer.role.allows(.contribute)
            ? viewer.form(
                "/board/\(inquiry.id)/answers",
                """
                <p><label>답변 Answer <textarea name="body" id="answer-body" required maxlength="5000" rows="4"
                cols="60"></textarea></label></p>
                <p><button type="submit" id="answer-submit">답변 등록 Post answer</button></p>
                """, className: "answer-form") : ""
        let body = """
            <section>
            <p class="inquiry-title" id="inquiry-title-shown"><strong>\(MarkupText.escape(inquiry.title))</strong></p>
            <p class="meta">#\(inquiry.id) · \(MarkupText.escape(inquiry.author)) · \(Format.date(inquiry.created))
            \(about.isEmpty ? "" : " · " + about)
            · <span class="status \(inquiry.status.rawValue)" id="inquiry-status">\(Self.label(inquiry.status))</span>
            </p>
            <p class="text" id="inquiry-body-shown">\(MarkupText.escape(inquiry.body))</p>
            \(viewer.role.allows(.moderate) ? Self.moderation(inquiry.id, viewer: viewer) : "")</section>
            <section><h2>답변 Answers (\(inquiry.answers.count))</h2>
            <ul id="answers">\(answers)</ul>\(answerForm)</section>
            """
        return PageShell(title: "문의 #\(inquiry.id)", assets: .linked).render(
            header: viewer.header("문의 게시판"), body: body)
    }

    /// The admin's approve and reject buttons for inquiry `id`.
    static func moderation(_ id: Int64, viewer: PageViewer) -> String {
        viewer.form(
            "/board/\(id)/status",
            """
            <button type="submit" name="status" value="approved" class="approve" data-id="\(id)">승인 Approve</button>
            <button type="submit" name="status" value="rejected" class="reject" data-id="\(id)">반려 Reject</button>
            """)
    }

    /// A status in Korean with its English name.
    static func label(_ status: InquiryStatus) -> String {
        switch status {
        case .open: "대기 open"
        case .answered: "답변됨 answered"
        case .approved: "승인 approved"
        case .rejected: "반려 rejected"
        }
    }
}
