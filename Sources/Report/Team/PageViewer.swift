import Accounts
import Markup

/// Who is looking at a team page, so it shows the forms their role allows, each carrying their CSRF token.
public struct PageViewer: Sendable {
    /// The signed-in account; nil for a local dashboard without accounts or an anonymous read-only visitor.
    public var account: String?
    /// What they may do.
    public var role: Role
    /// The token every form posts back.
    public var csrfToken: String

    /// A viewer from its fields.
    public init(account: String?, role: Role, csrfToken: String) {
        (self.account, self.role, self.csrfToken) = (account, role, csrfToken)
    }

    /// The hidden field every POST form carries.
    var csrfField: String { "<input type=\"hidden\" name=\"csrf\" value=\"\(MarkupText.escape(csrfToken))\">" }

    /// A POST form to `action` holding `fields` and the CSRF token.
    func form(_ action: String, _ fields: String, className: String = "inline") -> String {
        "<form method=\"post\" action=\"\(MarkupText.escape(action))\""
            + " class=\"\(className)\">\(csrfField)\(fields)</form>"
    }

    /// The team pages' header: title, links, and who is signed in with a sign-out button (an anonymous reader
    /// gets a sign-in link instead).
    func header(_ title: String) -> String {
        let signIn = role == .viewer ? "<a href=\"/signin\" id=\"signin-link\">로그인</a>" : ""
        let who =
            account.map { name in
                "<span class=\"who\">\(MarkupText.escape(name)) (\(role.rawValue))</span> "
                    + form("/signout", "<button type=\"submit\" id=\"signout\">로그아웃 Sign out</button>")
            } ?? signIn
        return
            "<h1>\(MarkupText.escape(title))</h1><span class=\"noprint\"><a href=\"/\">방송 목록</a> · <a"
            + " href=\"/board\">문의 게시판</a>"
            + " · <a href=\"/catchphrases\">판매 문구</a> · <a href=\"/alerts\">리뷰 알림</a>"
            + " · <a href=\"/review\">언급 검토</a> \(who)</span>"
    }
}
