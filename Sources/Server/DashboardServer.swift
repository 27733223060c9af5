import Foundation
import Hummingbird
import Report

/// The dashboard's HTTP server: pages, exports, the recording (with range requests) and the two static
/// assets, all read through a `BroadcastStore`. Errors become HTTP responses (unknown ids: 404).
///
/// Routes: `/`, `/keywords` (pooled keyword leaderboard), `/history[?ids=a,b]` (comparison, trends),
/// `/broadcasts/:id[?page=&sort=&q=]` (a page of its mention table),
/// `/broadcasts/:id/transcript`, `/broadcasts/:id/audio`, `/broadcasts/:id/report.xlsx|pdf|html`,
/// `/static/dashboard.css`, `/static/dashboard.js`, and `/customers[?compare=YYYY-MM-DD]` (RFM segments and
/// movement) and `/customers/shows/:id` (a show's audience); 404 when the server has no customer source;
/// `/healthz` answers `ok` for load balancers.
/// With ``TeamServices``: `/signin`, `/signout`, `/board…`, `/catchphrases…`, `/alerts…`, verdicts on
/// mentions, `POST /broadcasts/:id/verdicts`, and `/review`, the mentions to listen to (``TeamRoutes``),
/// and every route behind the session middleware (sign-in, CSRF tokens on every POST).
public struct DashboardServer: Sendable {
    /// Where broadcasts are read from.
    public var store: any BroadcastStore
    /// Prints the PDF export.
    public var printer: PDFPrinter
    /// The customers page's figures (nil: no `/customers` page).
    public var customers: (any CustomerSource)?
    /// Accounts, board, catchphrases and alerts (nil: none of the team pages, no sign-in).
    public var team: TeamServices?

    /// Creates a server over `store`.
    public init(
        store: any BroadcastStore, printer: PDFPrinter = PDFPrinter(), customers: (any CustomerSource)? = nil,
        team: TeamServices? = nil
    ) {
        (self.store, self.printer, self.customers, self.team) = (store, printer, customers, team)
    }

    /// The router, usable without sockets (HummingbirdTesting) or in an `Application`. Every route answers
    /// GET and HEAD; every response carries ``securityHeaders``.
    public func router() -> Router<DashboardContext> {
        let router = Router(context: DashboardContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        if let team {
            router.add(middleware: SessionMiddleware(team: team))
            TeamRoutes.register(router, team: team, store: self.store)
        }
        let store = self.store, printer = self.printer, customers = self.customers, team = self.team
        Self.route(router, "/") { _, _ in
            Self.html(
                ListPage(
                    entries: try Self.mapped { () throws(ReportError) in try store.entries() },
                    linksCustomers: customers != nil, linksTeam: team != nil
                ).html())
        }
        Self.route(router, "/keywords") { _, _ in
            // Every broadcast with a readable alignment; one that cannot be read is left out, not an error for
            // the page.
            let broadcasts = try Self.mapped { () throws(ReportError) in try store.alignedBroadcasts() }
            return Self.html(LeaderboardPage(broadcasts: broadcasts).html())
        }
        Self.route(router, "/history") { request, _ in
            // `?ids=a,b` compares those broadcasts side by side; trends and the weekday × hour view use every one.
            let ids = request.uri.queryParameters.get("ids").map { $0.split(separator: ",").map(String.init) } ?? []
            let broadcasts = try Self.mapped { () throws(ReportError) in try store.alignedBroadcasts() }
            return Self.html(HistoryPage(broadcasts: broadcasts, compare: ids).html())
        }
        Self.route(router, "/healthz") { _, _ in Self.response(Data("ok\n".utf8), type: "text/plain; charset=utf-8") }
        Self.route(router, "/static/dashboard.css") { _, _ in
            Self.response(Data(Assets.css.utf8), type: "text/css; charset=utf-8")
        }
        Self.route(router, "/static/dashboard.js") { _, _ in
            Self.response(Data(Assets.javascript.utf8), type: "text/javascript; charset=utf-8")
        }
        Self.route(router, "/customers") { request, _ in
            guard let customers else {
                throw HTTPError(.notFound, message: "no customer data: serve a workspace with a catalog")
            }
            let purchases = try Self.mapped { () throws(ReportError) in try customers.purchases() }
            let shows = try Self.mapped { () throws(ReportError) in try customers.shows() }
            return Self.html(
                CustomersPage(purchases: purchases, compare: request.uri.queryParameters.get("compare"), shows: shows)
                    .html())
        }
        Self.route(router, "/customers/shows/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let customers,
                let insight = try Self.mapped({ () throws(ReportError) in try customers.audience(broadcast: id) })
            else {
                throw HTTPError(.notFound, message: "no audience for broadcast '\(id)' (no event log with viewer ids)")
            }
            let name =
                try Self.mapped { () throws(ReportError) in try customers.shows() }.first { $0.id == id }?.name ?? id
            return Self.html(AudiencePage(insight: insight, name: name).html())
        }
        Self.route(router, "/broadcasts/:id") { request, context in
            // `?page=2&sort=-purchases&q=할인`: which page of the mention table, in which order, matching what.
            let id = try context.parameters.require("id")
            let broadcast = try Self.mapped { () throws(ReportError) in try store.broadcast(id: id) }
            let mentions = MentionQuery(query: request.uri.query)
            let reviewer = team?.verdicts == nil ? nil : context.viewer
            let playable = (try? store.recording(id: id)) != nil
            return Self.html(
                DashboardPage(
                    broadcast: broadcast, assets: .linked, mentions: mentions, reviewer: reviewer, playable: playable
                ).html())
        }
        Self.route(router, "/broadcasts/:id/transcript") { _, context in
            let id = try context.parameters.require("id")
            return Self.html(
                TranscriptPage(broadcast: try Self.mapped { () throws(ReportError) in try store.broadcast(id: id) })
                    .html())
        }
        Self.route(router, "/broadcasts/:id/audio") { request, context in
            let id = try context.parameters.require("id")
            let recording = try Self.mapped { () throws(ReportError) in try store.recording(id: id) }
            return try AudioResponder.respond(recording, range: request.headers[.range])
        }
        for format in ReportFormat.allCases {
            Self.route(router, "/broadcasts/:id/report.\(format.rawValue)") { _, context in
                let id = try context.parameters.require("id")
                let data = try Self.mapped { () throws(ReportError) in
                    try format.render(try store.broadcast(id: id), printer: printer)
                }
                var response = Self.response(data, type: format.mimeType)
                response.headers[.contentDisposition] =
                    "attachment; filename=\"report-\(Self.safeFileName(id)).\(format.rawValue)\""
                return response
            }
        }
        return router
    }

    /// Registers `handler` for GET and HEAD on `path`; HEAD answers with GET's status and headers (its
    /// Content-Length included) and no body. A streamed body (the audio) is never read for HEAD.
    static func route(
        _ router: Router<DashboardContext>, _ path: RouterPath,
        _ handler: @escaping @Sendable (Request, DashboardContext) async throws -> Response
    ) {
        router.get(path, use: handler)
        router.head(path) { request, context in
            let response = try await handler(request, context)
            return Response(status: response.status, headers: response.headers, body: ResponseBody())
        }
    }

    /// Headers on every response: a Content-Security-Policy that allows only the dashboard's own files
    /// (no inline script or style, no plug-ins, no framing), no MIME sniffing, no framing by other sites,
    /// no referrer sent to other sites.
    public static let securityHeaders: HTTPFields = {
        var fields = HTTPFields()
        fields[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        fields[.xContentTypeOptions] = "nosniff"
        fields[.init("X-Frame-Options")!] = "DENY"
        fields[.init("Referrer-Policy")!] = "no-referrer"
        return fields
    }()

    /// Serves until the process is interrupted. Binds to `host` (loopback by default).
    public func run(
        host: String = "127.0.0.1", port: Int = 8080, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let app = Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "LiveInsight"),
            onServerRunning: { await onRunning($0.localAddress?.port ?? port) })
        try await app.runService()
    }

    /// Runs `body`, turning store errors into HTTP errors.
    static func mapped<T>(_ body: () throws(ReportError) -> T) throws(HTTPError) -> T {
        do { return try body() } catch {
            switch error {
            case .unknownBroadcast, .noRecording: throw HTTPError(.notFound, message: error.description)
            case .pdfFailed: throw HTTPError(.serviceUnavailable, message: error.description)
            case .refusedVerdict: throw HTTPError(.badRequest, message: error.description)
            case .unreadable, .unwritable: throw HTTPError(.internalServerError, message: error.description)
            }
        }
    }

    static func html(_ page: String) -> Response { response(Data(page.utf8), type: "text/html; charset=utf-8") }

    static func response(_ data: Data, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `id` reduced to characters safe in a Content-Disposition file name.
    static func safeFileName(_ id: String) -> String {
        String(
            id.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }.map(
                Character.init))
    }
}

/// Adds ``DashboardServer/securityHeaders`` to every response, errors (404s) included.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = DashboardContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            var response = try await next(request, context)
            response.headers.append(contentsOf: DashboardServer.securityHeaders)
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            response.headers.append(contentsOf: DashboardServer.securityHeaders)
            return response
        }
    }
}
