import Accounts
import Alerts
import Board
import Catchphrases
import Foundation
import Hummingbird
import Report

/// The team pages: `/signin`, `/signout`, `/board` (list, search, paging, new inquiry), `/board/:id` (answers,
/// approve/reject), `/catchphrases` (approve, edit, reject; `keywords.csv` export), `/alerts` (acknowledge,
/// resolve), analysts' verdicts on mentions (``registerVerdicts``) and the queue of mentions to review
/// (``registerReviewQueue``, over `store`). Forms post and are answered with a redirect (303) back to the page.
enum TeamRoutes {
    static func register(_ router: Router<DashboardContext>, team: TeamServices, store: any BroadcastStore) {
        registerSignIn(router, team: team)
        registerBoard(router, team: team)
        registerCatchphrases(router, team: team)
        registerAlerts(router, team: team)
        registerVerdicts(router, team: team)
        registerReviewQueue(router, team: team, store: store)
    }

    static func registerSignIn(_ router: Router<DashboardContext>, team: TeamServices) {
        DashboardServer.route(router, "/signin") { request, context in
            let next = safeNext(request.uri.queryParameters.get("next"))
            if context.viewer?.account != nil { return redirect(next) }
            return DashboardServer.html(SignInPage(csrfToken: try csrf(context, team), next: next).html())
        }
        router.post("/signin") { request, context in
            var request = request
            let form = try await FormFields.read(&request)
            let name = form["name"] ?? ""
            let password = form["password"] ?? ""
            let next = safeNext(form["next"])
            if let wait = team.limiter.retryAfter(account: name, client: context.clientAddress) {
                var response = DashboardServer.html(
                    SignInPage(
                        csrfToken: try csrf(context, team),
                        message: "로그인 시도가 너무 많습니다. "
                            + "\(Int(wait.rounded(.up)) / 60 + 1)분 뒤에 다시 시도하세요. Too many attempts.", next: next
                    ).html())
                response.status = .tooManyRequests
                response.headers[.retryAfter] = "\(Int(wait.rounded(.up)))"
                return response
            }
            let account = try team.accounts.account(named: name)
            // An unknown name is checked against a dummy hash too, so timing does not tell which names exist.
            let valid =
                try await offloaded { team.hasher.verify(password, against: account?.passwordHash ?? dummyHash) }
                && account != nil
            guard valid, let account else {
                team.limiter.recordFailure(account: name, client: context.clientAddress)
                var response = DashboardServer.html(
                    SignInPage(
                        csrfToken: try csrf(context, team),
                        message: "계정 또는 비밀번호가 틀렸습니다. Wrong account or password.", next: next
                    ).html())
                response.status = .unauthorized
                return response
            }
            team.limiter.recordSuccess(account: name)
            let session = try team.sessions.signIn(
                account: account.name, role: account.role, credential: account.passwordHash,
                replacing: context.sessionID)
            var response = redirect(next)
            response.setCookie(SessionMiddleware.cookie(session.id, secure: team.access.secureCookies))
            return response
        }
        router.post("/signout") { _, context in
            if let id = context.sessionID { try team.sessions.end(id) }
            var response = redirect(team.access.requiresSignIn ? "/signin" : "/")
            response.setCookie(SessionMiddleware.cookie("", secure: team.access.secureCookies, maxAge: 0))
            return response
        }
    }

    static func registerBoard(_ router: Router<DashboardContext>, team: TeamServices) {
        DashboardServer.route(router, "/board") { request, context in
            let viewer = try require(.read, context)
            let parameters = request.uri.queryParameters
            let query = BoardQuery(
                search: parameters.get("q") ?? "", status: parameters.get("status").flatMap(InquiryStatus.init),
                page: parameters.get("page").flatMap(Int.init) ?? 1)
            return DashboardServer.html(
                BoardListPage(query: query, result: try team.board.inquiries(query), viewer: viewer).html())
        }
        router.post("/board") { request, context in
            let viewer = try require(.contribute, context)
            var request = request
            let form = try await FormFields.read(&request)
            let inquiry = try badRequest { () throws(BoardError) in
                try NewInquiry(
                    title: form["title"] ?? "", body: form["body"] ?? "", broadcastID: form["broadcast"],
                    productID: form["product"], author: viewer.account ?? "local")
            }
            return redirect("/board/\(try team.board.addInquiry(inquiry, now: Date()))")
        }
        DashboardServer.route(router, "/board/:id") { _, context in
            let viewer = try require(.read, context)
            guard let id = context.parameters.get("id", as: Int64.self), let inquiry = try team.board.inquiry(id: id)
            else {
                throw HTTPError(.notFound, message: "no such inquiry")
            }
            return DashboardServer.html(BoardDetailPage(inquiry: inquiry, viewer: viewer).html())
        }
        router.post("/board/:id/answers") { request, context in
            let viewer = try require(.contribute, context)
            var request = request
            let form = try await FormFields.read(&request)
            let id = try context.parameters.require("id", as: Int64.self)
            let body = try badRequest { () throws(BoardError) in
                try BoardError.checked(form["body"] ?? "", field: "answer", limit: 5000)
            }
            guard try team.board.addAnswer(to: id, body: body, author: viewer.account ?? "local", now: Date()) else {
                throw HTTPError(.notFound, message: "no such inquiry")
            }
            return redirect("/board/\(id)")
        }
        router.post("/board/:id/status") { request, context in
            _ = try require(.moderate, context)
            var request = request
            let form = try await FormFields.read(&request)
            let id = try context.parameters.require("id", as: Int64.self)
            guard let status = form["status"].flatMap(InquiryStatus.init), [.approved, .rejected].contains(status)
            else {
                throw HTTPError(.badRequest, message: "status must be approved or rejected")
            }
            guard try team.board.setStatus(status, of: id) else {
                throw HTTPError(.notFound, message: "no such inquiry")
            }
            return redirect("/board/\(id)")
        }
    }

    static func registerCatchphrases(_ router: Router<DashboardContext>, team: TeamServices) {
        DashboardServer.route(router, "/catchphrases") { _, context in
            let viewer = try require(.read, context)
            let lines = try team.catchphrases.catchphrases(in: Set(CatchphraseState.allCases))
            return DashboardServer.html(CatchphrasesPage(lines: lines, viewer: viewer).html())
        }
        DashboardServer.route(router, "/catchphrases/keywords.csv") { _, context in
            _ = try require(.read, context)
            let csv = KeywordListExport.csv(try team.catchphrases.catchphrases(in: [.approved]))
            var response = DashboardServer.response(Data(csv.utf8), type: "text/csv; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"catchphrases.keywords.csv\""
            return response
        }
        router.post("/catchphrases/:id") { request, context in
            let viewer = try require(.contribute, context)
            var request = request
            let form = try await FormFields.read(&request)
            let id = try context.parameters.require("id", as: Int64.self)
            let state: CatchphraseState
            switch form["action"] {
            case "approve": state = .approved
            case "reject": state = .rejected
            default: throw HTTPError(.badRequest, message: "action must be approve or reject")
            }
            let line = try form["line"].map { text in
                try badRequest { () throws(BoardError) in try BoardError.checked(text, field: "line", limit: 120) }
            }
            guard
                try team.catchphrases.updateCatchphrase(
                    id, state: state, line: line, by: viewer.account ?? "local", now: Date())
            else {
                throw HTTPError(.notFound, message: "no such line")
            }
            return redirect("/catchphrases")
        }
    }

    static func registerAlerts(_ router: Router<DashboardContext>, team: TeamServices) {
        DashboardServer.route(router, "/alerts") { _, context in
            let viewer = try require(.read, context)
            return DashboardServer.html(
                AlertsPage(alerts: try team.alerts.alerts(in: Set(AlertState.allCases)), viewer: viewer).html())
        }
        router.post("/alerts/:id") { request, context in
            let viewer = try require(.contribute, context)
            var request = request
            let form = try await FormFields.read(&request)
            let id = try context.parameters.require("id", as: Int64.self)
            guard let state = form["state"].flatMap(AlertState.init), state != .open else {
                throw HTTPError(.badRequest, message: "state must be acknowledged or resolved")
            }
            guard try team.alerts.setAlertState(state, of: id, by: viewer.account ?? "local", now: Date()) else {
                throw HTTPError(.notFound, message: "no such alert")
            }
            return redirect("/alerts")
        }
    }

    /// The viewer, when their role allows `permission`; 403 otherwise.
    static func require(_ permission: Role.Permission, _ context: DashboardContext) throws -> PageViewer {
        guard let viewer = context.viewer else { throw HTTPError(.unauthorized, message: "sign in first") }
        guard viewer.role.allows(permission) else {
            throw HTTPError(.forbidden, message: "the \(viewer.role.rawValue) role may not do this")
        }
        return viewer
    }

    /// A 303 redirect to `location`.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// `next` when it is a path on this site, else `/` (no open redirect to another host).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    /// The context's CSRF token (the middleware always sets a session).
    static func csrf(_ context: DashboardContext, _ team: TeamServices) throws -> String {
        try context.sessionID.flatMap { try team.sessions.session($0)?.csrfToken } ?? ""
    }

    /// Runs `body`, turning a refused post into 400 with its reason.
    static func badRequest<T>(_ body: () throws(BoardError) -> T) throws(HTTPError) -> T {
        do { return try body() } catch { throw HTTPError(.badRequest, message: error.description) }
    }

    /// Runs the slow `work` (bcrypt, a rerun) off the server's event loops.
    static func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// A bcrypt hash of a random password at the default cost, checked when the account is unknown.
    static let dummyHash = (try? PasswordHasher().hash(RandomToken.make())) ?? ""
}
