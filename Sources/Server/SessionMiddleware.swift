import Accounts
import Foundation
import Hummingbird
import Report

/// Finds (or starts) the visitor's session, decides who they are under the ``AccessPolicy``, sends visitors who
/// must sign in to `/signin`, and refuses every POST whose `csrf` field is not the session's token.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = DashboardContext
    /// The session cookie's name.
    static let cookieName = "liveinsight_session"
    /// Reachable without signing in.
    static let publicPaths: Set<String> = ["/signin", "/static/dashboard.css", "/static/dashboard.js"]
    /// Answered without a session: a load balancer's health checks and the static assets would otherwise each
    /// start one, a catalog write per request.
    static let sessionFreePaths: Set<String> = ["/healthz", "/static/dashboard.css", "/static/dashboard.js"]

    let team: TeamServices

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.method == .get || request.method == .head, Self.sessionFreePaths.contains(request.uri.path) {
            return try await next(request, context)
        }
        var request = request
        var context = context
        let existing = try request.cookies[Self.cookieName].flatMap { try team.sessions.session($0.value) }
        let session = try existing ?? team.sessions.start()
        context.sessionID = session.id
        context.viewer = try viewer(session)
        if request.method == .post {
            // A new session has a token the visitor has never seen, so a POST without a live session always fails here.
            let form = try await FormFields.read(&request)
            guard existing != nil, let token = form["csrf"], RandomToken.equal(token, session.csrfToken) else {
                throw HTTPError(
                    .forbidden,
                    message: "the form's security token is missing or out of date: reload the page and try again")
            }
        }
        var response: Response
        if context.viewer == nil, !Self.publicPaths.contains(request.uri.path) {
            guard request.method == .get || request.method == .head else {
                throw HTTPError(.unauthorized, message: "sign in first")
            }
            let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            response = TeamRoutes.redirect(
                "/signin?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        } else {
            response = try await next(request, context)
        }
        if existing == nil { response.setCookie(Self.cookie(session.id, secure: team.access.secureCookies)) }
        return response
    }

    /// Who the session's visitor is: the signed-in account; else, where sign-in is not required, the local
    /// user (admin: the dashboard on loopback without accounts is one person's tool); else a viewer when
    /// anonymous reading is enabled; else nobody.
    /// The account is read from the catalog on every request, so `users remove` and a changed role take effect
    /// at once in a running server: the session of a removed account, or of one whose password changed, ends.
    func viewer(_ session: Session) throws -> PageViewer? {
        if let name = session.account {
            guard let account = try team.accounts.account(named: name),
                session.credential == nil || session.credential == account.passwordHash
            else {
                try team.sessions.end(session.id)
                return nil
            }
            return PageViewer(account: name, role: account.role, csrfToken: session.csrfToken)
        }
        if !team.access.requiresSignIn { return PageViewer(account: nil, role: .admin, csrfToken: session.csrfToken) }
        if team.access.anonymousRead { return PageViewer(account: nil, role: .viewer, csrfToken: session.csrfToken) }
        return nil
    }

    /// The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure
    /// when the dashboard is reached over HTTPS, for the whole site, ending with the browser session.
    static func cookie(_ value: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: cookieName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict
        )
    }
}
