import Foundation
import Hummingbird
import Report

/// The dashboard's HTTP server: pages, exports, the recording (with range requests) and the two static
/// assets, all read through a `BroadcastStore`. Errors become HTTP responses (unknown ids: 404).
///
/// Routes: `/`, `/keywords` (pooled keyword leaderboard), `/history[?ids=a,b]` (comparison, trends), `/broadcasts/:id`, `/broadcasts/:id/transcript`, `/broadcasts/:id/audio`,
/// `/broadcasts/:id/report.xlsx|pdf|html`, `/static/dashboard.css`, `/static/dashboard.js`.
public struct DashboardServer: Sendable {
    /// Where broadcasts are read from.
    public var store: any BroadcastStore
    /// Prints the PDF export.
    public var printer: PDFPrinter

    /// Creates a server over `store`.
    public init(store: any BroadcastStore, printer: PDFPrinter = PDFPrinter()) { (self.store, self.printer) = (store, printer) }

    /// The router, usable without sockets (HummingbirdTesting) or in an `Application`.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        let store = self.store, printer = self.printer
        router.get("/") { _, _ in Self.html(ListPage(entries: try Self.mapped { () throws(ReportError) in try store.entries() }).html()) }
        router.get("/keywords") { _, _ in
            // Every broadcast with a readable alignment; one that cannot be read is left out, not an error for the page.
            let entries = try Self.mapped { () throws(ReportError) in try store.entries() }
            let broadcasts = entries.compactMap { entry in try? store.broadcast(id: entry.id) }
            return Self.html(LeaderboardPage(broadcasts: broadcasts).html())
        }
        router.get("/history") { request, _ in
            // `?ids=a,b` compares those broadcasts side by side; trends and the weekday × hour view use every one.
            let ids = request.uri.queryParameters.get("ids").map { $0.split(separator: ",").map(String.init) } ?? []
            let entries = try Self.mapped { () throws(ReportError) in try store.entries() }
            let broadcasts = entries.compactMap { entry in try? store.broadcast(id: entry.id) }
            return Self.html(HistoryPage(broadcasts: broadcasts, compare: ids).html())
        }
        router.get("/static/dashboard.css") { _, _ in Self.response(Data(Assets.css.utf8), type: "text/css; charset=utf-8") }
        router.get("/static/dashboard.js") { _, _ in Self.response(Data(Assets.javascript.utf8), type: "text/javascript; charset=utf-8") }
        router.get("/broadcasts/:id") { _, context in
            let id = try context.parameters.require("id")
            return Self.html(DashboardPage(broadcast: try Self.mapped { () throws(ReportError) in try store.broadcast(id: id) }, assets: .linked).html())
        }
        router.get("/broadcasts/:id/transcript") { _, context in
            let id = try context.parameters.require("id")
            return Self.html(TranscriptPage(broadcast: try Self.mapped { () throws(ReportError) in try store.broadcast(id: id) }).html())
        }
        router.get("/broadcasts/:id/audio") { request, context in
            let id = try context.parameters.require("id")
            let recording = try Self.mapped { () throws(ReportError) in try store.recording(id: id) }
            return try AudioResponder.respond(recording, range: request.headers[.range])
        }
        for format in ReportFormat.allCases {
            router.get("/broadcasts/:id/report.\(format.rawValue)") { _, context in
                let id = try context.parameters.require("id")
                let data = try Self.mapped { () throws(ReportError) in try format.render(try store.broadcast(id: id), printer: printer) }
                var response = Self.response(data, type: format.mimeType)
                response.headers[.contentDisposition] = "attachment; filename=\"report-\(Self.safeFileName(id)).\(format.rawValue)\""
                return response
            }
        }
        return router
    }

    /// Serves until the process is interrupted. Binds to `host` (loopback by default).
    public func run(host: String = "127.0.0.1", port: Int = 8080, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "LiveInsight"),
                              onServerRunning: { await onRunning($0.localAddress?.port ?? port) })
        try await app.runService()
    }

    /// Runs `body`, turning store errors into HTTP errors.
    static func mapped<T>(_ body: () throws(ReportError) -> T) throws(HTTPError) -> T {
        do { return try body() } catch {
            switch error {
            case .unknownBroadcast, .noRecording: throw HTTPError(.notFound, message: error.description)
            case .pdfFailed: throw HTTPError(.serviceUnavailable, message: error.description)
            case .unreadable, .unwritable: throw HTTPError(.internalServerError, message: error.description)
            }
        }
    }

    static func html(_ page: String) -> Response { response(Data(page.utf8), type: "text/html; charset=utf-8") }

    static func response(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `id` reduced to characters safe in a Content-Disposition file name.
    static func safeFileName(_ id: String) -> String {
        String(id.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }.map(Character.init))
    }
}
