import Board
import Foundation
import Markup

/// The Q&A board: search, status filter, one page of inquiries, the pager, and (for analysts and admins) the
/// form for a new inquiry. With `status=answered` an admin sees the review queue: approve or reject per row.
public struct BoardListPage {
    /// The query shown.
    public var query: BoardQuery
    /// Its results.
    public var result: BoardPageResult
    /// Who is looking.
    public var viewer: PageViewer

    /// Creates the page.
    public init(query: BoardQuery, result: BoardPageResult, viewer: PageViewer) {
        (self.query, self.result, self.viewer) = (query, result, viewer)
    }

    /// The page's HTML.
    public func html() -> String {
        let queue = query.status == .answered && viewer.role.allows(.moderate)
        let rows = result.inquiries.map { inquiry in
            let review = queue ? "<td>" + BoardDetailPage.moderation(inquiry.id, viewer: viewer) + "</td>" : ""
            return
                "<tr><td class=\"num\">\(inquiry.id)</td><td><a"
                + " href=\"/board/\(inquiry.id)\">\(MarkupText.escape(inquiry.title))</a></td>"
                + "<td>\(MarkupText.escape(inquiry.productID ?? "–"))</td>"
                + "<td>\(MarkupText.escape(inquiry.broadcastID ?? "–"))</td>"
                + "<td>\(MarkupText.escape(inquiry.author))</td><td"
                + " class=\"status \(inquiry.status.rawValue)\">\(BoardDetailPage.label(inquiry.status))</td>"
                + "<td>\(Format.date(inquiry.created))</td>\(review)</tr>"
        }.joined()
        let statusOptions = ([nil] + InquiryStatus.allCases.map(Optional.some)).map { status in
            let value = status?.rawValue ?? ""
            let selected = status == query.status ? " selected" : ""
            return "<option value=\"\(value)\"\(selected)>\(status.map(BoardDetailPage.label) ?? "전체 all")</option>"
        }.joined()
        let body = """
            <section><h2>문의 게시판 Q&amp;A board (\(result.total))</h2>
            <form method="get" action="/board" class="filters" id="board-search"><input class="search" type="search"
            name="q" id="board-q"
            value="\(MarkupText.escape(query.search))" placeholder="검색 Search"> <select
            name="status">\(statusOptions)</select>
            <button type="submit">검색 Search</button></form>
            \(viewer.role.allows(.moderate) ? Self.queueLink : "")
            <table id="board"><thead><tr><th class="num">#</th><th>제목 Title</th><th>상품 Product</th><th>방송 Broadcast</th>
            <th>작성자 Author</th><th>상태 Status</th><th>날짜 Date</th>\(queue ? "<th>검토 Review</th>" : "")</tr></thead>
            <tbody>\(rows)</tbody></table>\(pager)</section>\(viewer.role.allows(.contribute) ? newInquiryForm : "")
            """
        return PageShell(title: "문의 게시판", assets: .linked).render(header: viewer.header("문의 게시판"), body: body)
    }

    /// Previous/next links keeping the search and status.
    private var pager: String {
        func link(_ page: Int, _ text: String, _ id: String) -> String {
            var items = [URLQueryItem(name: "page", value: "\(page)")]
            if !query.search.isEmpty { items.append(URLQueryItem(name: "q", value: query.search)) }
            if let status = query.status { items.append(URLQueryItem(name: "status", value: status.rawValue)) }
            var components = URLComponents()
            components.queryItems = items
            return "<a href=\"/board\(MarkupText.escape(components.string ?? ""))\" id=\"\(id)\">\(text)</a>"
        }
        let previous = query.page > 1 ? link(query.page - 1, "← 이전", "board-previous") : ""
        let next = query.page < result.pages ? link(query.page + 1, "다음 →", "board-next") : ""
        return
            "<p class=\"pager\">\(previous) <span id=\"board-page\">\(query.page) / \(result.pages)</span> \(next)</p>"
    }

    /// The admin's link to the inquiries waiting for approval.
    private static let queueLink =
        "<p><a href=\"/board?status=answered\" id=\"board-queue\">검토 대기 (답변됨) review queue</a></p>"

    private var newInquiryForm: String {
        "<section><h2>새 문의 New inquiry</h2>"
            + viewer.form(
                "/board",
                """
                <p><label>제목 Title <input name="title" id="inquiry-title" required maxlength="200"></label></p>
                <p><label>내용 Body <textarea name="body" id="inquiry-body" required maxlength="5000" rows="4"
                cols="60"></textarea></label></p>
                <p><label>상품 Product <input name="product" id="inquiry-product" maxlength="64"></label>
                <label>방송 Broadcast <input name="broadcast" id="inquiry-broadcast" maxlength="64"></label></p>
                <p><button type="submit" id="inquiry-submit">등록 Post</button></p>
                """, className: "new-inquiry") + "</section>"
    }
}
