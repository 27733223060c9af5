import Markup

/// The sign-in form: account name and password, posted with the visitor's CSRF token.
public struct SignInPage {
    /// The visitor's CSRF token.
    public var csrfToken: String
    /// Why the last attempt failed, if it did.
    public var message: String?
    /// Where to go after signing in (a local path).
    public var next: String

    /// Creates the page.
    public init(csrfToken: String, message: String? = nil, next: String = "/") {
        (self.csrfToken, self.message, self.next) = (csrfToken, message, next)
    }

    /// The page's HTML.
    public func html() -> String {
        let notice = message.map { "<p class=\"error\" id=\"signin-error\">\(MarkupText.escape($0))</p>" } ?? ""
        let body = """
            <section><h2>로그인 Sign in</h2>\(notice)
            <form method="post" action="/signin" id="signin">
            <input type="hidden" name="csrf" value="\(MarkupText.escape(csrfToken))">
            <input type="hidden" name="next" value="\(MarkupText.escape(next))">
            <p><label>계정 Account <input name="name" id="signin-name" autocomplete="username" required maxlength="64">
            </label></p>
            <p><label>비밀번호 Password <input name="password" id="signin-password" type="password"
            autocomplete="current-password" required></label></p>
            <p><button type="submit">로그인 Sign in</button></p></form></section>
            """
        return PageShell(title: "LiveInsight 로그인", assets: .linked).render(header: "<h1>LiveInsight</h1>", body: body)
    }
}
