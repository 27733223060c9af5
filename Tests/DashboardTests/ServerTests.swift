import Foundation
import Hummingbird
import HummingbirdTesting
import Report
import Testing

@testable import Server

@Suite struct ServerTests {
    /// Runs `body` against the router of a server over a fresh demo workspace, without sockets.
    private func withServer(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let app = Application(router: DashboardServer(store: WorkspaceStore(root: workspace.root)).router())
        try await app.test(.router) { try await body($0) }
    }

    /// The list, a dashboard, a transcript and the static assets are served as HTML/CSS/JS.
    @Test func servesPages() async throws {
        try await withServer { client in
            for (path, type) in [
                ("/", "text/html"), ("/broadcasts/demo-a", "text/html"), ("/broadcasts/demo-a/transcript", "text/html"),
                ("/static/dashboard.css", "text/css"), ("/static/dashboard.js", "text/javascript"),
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(path)")
                }
            }
        }
    }

    /// `/keywords` pools every broadcast's keyword effects: one row per keyword, each with the shows behind it.
    @Test func servesThePooledLeaderboard() async throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let app = Application(router: DashboardServer(store: WorkspaceStore(root: workspace.root)).router())
        let keywords = workspace.report.keywords
        try await app.test(.router) { client in
            try await client.execute(uri: "/keywords", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                let table =
                    page.components(separatedBy: "id=\"pooled\"").dropFirst().first?.components(separatedBy: "</table>")
                    .first ?? ""
                #expect(table.components(separatedBy: "<tr class=").count - 1 == keywords.count)
                // Both demo broadcasts estimate every keyword with a window; the pooled table says so.
                let estimated = keywords.filter { $0.upliftLow != nil && $0.upliftHigh != nil }.count
                #expect(table.components(separatedBy: "<td class=\"num\">2</td>").count - 1 == estimated)
                #expect(page.contains("방송 2개"))
            }
        }
    }

    /// `/history` compares every broadcast, or those `?ids=` names; units land on the demo's weekday and hour.
    @Test func servesTheHistory() async throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let store = WorkspaceStore(root: workspace.root)
        let app = Application(router: DashboardServer(store: store).router())
        try await app.test(.router) { client in
            for (uri, shows) in [("/history", 2), ("/history?ids=demo-b", 1)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    let table =
                        String(buffer: response.body).components(separatedBy: "id=\"compare\"").last?.components(
                            separatedBy: "</thead>"
                        ).first ?? ""
                    #expect(table.components(separatedBy: "<a href=\"/broadcasts/").count - 1 == shows, "\(uri)")
                }
            }
        }
        // The demo starts on Friday 2026-11-20 at 20:00 Korea time and lasts 7.7 minutes: every unit falls there.
        let grid = HistoryPage(broadcasts: try workspace.broadcasts()).unitsByWeekdayHour
        #expect(grid[4][20] == 2 * workspace.report.summary.unitsSold)
        #expect(grid.flatMap { $0 }.reduce(0, +) == grid[4][20])
    }

    /// Unknown ids, traversal attempts and unknown files give 404, never a crash or a file outside the workspace.
    @Test func unknownAndTraversingPathsAre404() async throws {
        try await withServer { client in
            for path in [
                "/broadcasts/nope", "/broadcasts/nope/audio", "/broadcasts/nope/report.xlsx",
                "/broadcasts/..%2F..%2Fetc/audio",
                "/broadcasts/%2E%2E/transcript", "/static/../Package.swift", "/static/..%2F..%2FPackage.swift",
                "/etc/passwd",
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                }
            }
        }
    }

    /// The recording is streamed whole, by byte range (206 with Content-Range), and a range past its end is 416.
    @Test func streamsAudioWithRanges() async throws {
        let size = try #require(
            (FileManager.default.attributesOfItem(atPath: DemoWorkspace.samples + "/demo-broadcast.ogg")[.size]
                as? NSNumber)?.intValue)
        try await withServer { client in
            try await client.execute(uri: "/broadcasts/demo-a/audio", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == size)
                #expect(response.headers[.acceptRanges] == "bytes")
            }
            try await client.execute(uri: "/broadcasts/demo-a/audio", method: .get, headers: [.range: "bytes=100-199"])
            { response in
                #expect(response.status == .partialContent)
                #expect(response.body.readableBytes == 100)
                #expect(response.headers[.contentRange] == "bytes 100-199/\(size)")
                #expect(response.headers[.contentType] == "audio/ogg")
            }
            try await client.execute(uri: "/broadcasts/demo-a/audio", method: .get, headers: [.range: "bytes=-10"]) {
                response in
                #expect(response.headers[.contentRange] == "bytes \(size - 10)-\(size - 1)/\(size)")
            }
            try await client.execute(uri: "/broadcasts/demo-a/audio", method: .get, headers: [.range: "bytes=\(size)-"])
            { response in
                #expect(response.status == .rangeNotSatisfiable)
                #expect(response.headers[.contentRange] == "bytes */\(size)")
            }
        }
    }

    /// Range headers resolve against the file size as RFC 9110 says.
    @Test func parsesRanges() {
        #expect(ByteRange.parse(nil, size: 10) == .whole)
        #expect(ByteRange.parse("bytes=0-", size: 10) == .partial(ByteRange(first: 0, last: 9)))
        #expect(ByteRange.parse("bytes=2-100", size: 10) == .partial(ByteRange(first: 2, last: 9)))
        #expect(ByteRange.parse("bytes=-3", size: 10) == .partial(ByteRange(first: 7, last: 9)))
        #expect(ByteRange.parse("bytes=10-", size: 10) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=5-2", size: 10) == .whole)
        #expect(ByteRange.parse("items=1-2", size: 10) == .whole)
    }

    /// Several ranges stay several, in request order; overlapping ones are merged; unsatisfiable ones are
    /// dropped; more than the limit are ignored.
    @Test func parsesMultipleRanges() {
        #expect(
            ByteRange.parse("bytes=6-7, 0-1", size: 10)
                == .multiple([ByteRange(first: 6, last: 7), ByteRange(first: 0, last: 1)]))
        #expect(
            ByteRange.parse("bytes=0-4,3-6,8-", size: 10)
                == .multiple([ByteRange(first: 0, last: 6), ByteRange(first: 8, last: 9)]))
        #expect(ByteRange.parse("bytes=0-1,20-30", size: 10) == .partial(ByteRange(first: 0, last: 1)))
        #expect(ByteRange.parse("bytes=20-,30-", size: 10) == .unsatisfiable)
        let many = (0..<(ByteRange.maxRanges + 1)).map { "\($0 * 2)-\($0 * 2)" }.joined(separator: ",")
        #expect(ByteRange.parse("bytes=" + many, size: 100) == .whole)
    }

    /// A multi-range request gets every range as multipart/byteranges, each part with its Content-Range and bytes.
    @Test func servesMultipleRanges() async throws {
        let path = DemoWorkspace.samples + "/demo-broadcast.ogg"
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        try await withServer { client in
            try await client.execute(
                uri: "/broadcasts/demo-a/audio", method: .get, headers: [.range: "bytes=0-3,100-109"]
            ) { response in
                #expect(response.status == .partialContent)
                let type = try #require(response.headers[.contentType])
                #expect(type.hasPrefix("multipart/byteranges; boundary="))
                let boundary = String(type.dropFirst("multipart/byteranges; boundary=".count))
                let body = Data(response.body.readableBytesView)
                #expect(response.headers[.contentLength] == String(body.count))
                var expected = Data(
                    "--\(boundary)\r\nContent-Type: audio/ogg\r\nContent-Range: bytes 0-3/\(file.count)\r\n\r\n".utf8)
                expected += file[0...3]
                expected += Data(
                    "\r\n--\(boundary)\r\nContent-Type: audio/ogg\r\nContent-Range: bytes 100-109/\(file.count)\r\n\r\n"
                        .utf8)
                expected += file[100...109]
                expected += Data("\r\n--\(boundary)--\r\n".utf8)
                #expect(body == expected)
            }
        }
    }

    /// The whole recording, streamed in blocks, arrives byte for byte.
    @Test func streamsTheWholeRecordingIntact() async throws {
        let file = try Data(contentsOf: URL(fileURLWithPath: DemoWorkspace.samples + "/demo-broadcast.ogg"))
        #expect(file.count > AudioResponder.blockSize * 2)  // several blocks
        try await withServer { client in
            try await client.execute(uri: "/broadcasts/demo-a/audio", method: .get) { response in
                #expect(Data(response.body.readableBytesView) == file)
            }
        }
    }

    /// HEAD answers every page like GET, with its headers and Content-Length but no body.
    @Test func answersHead() async throws {
        let size = try #require(
            (FileManager.default.attributesOfItem(atPath: DemoWorkspace.samples + "/demo-broadcast.ogg")[.size]
                as? NSNumber)?.intValue)
        try await withServer { client in
            for path in ["/", "/broadcasts/demo-a", "/static/dashboard.css"] {
                try await client.execute(uri: path, method: .head) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.body.readableBytes == 0, "\(path)")
                }
            }
            try await client.execute(uri: "/broadcasts/demo-a/audio", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == String(size))
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/broadcasts/nope", method: .head) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// Pages, assets, audio and errors carry CSP (no inline script), nosniff and anti-framing headers.
    @Test func sendsSecurityHeaders() async throws {
        try await withServer { client in
            for path in [
                "/", "/broadcasts/demo-a", "/static/dashboard.js", "/broadcasts/demo-a/audio", "/broadcasts/nope",
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(
                        policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), "\(path)")
                    #expect(!policy.contains("unsafe-inline"), "\(path)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                    #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(path)")
                }
            }
        }
    }

    /// The XLSX and HTML exports download with their types and a safe file name.
    @Test func servesExports() async throws {
        try await withServer { client in
            try await client.execute(uri: "/broadcasts/demo-a/report.xlsx", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"report-demo-a.xlsx\"")
                #expect(response.body.getBytes(at: 0, length: 2) == Array("PK".utf8))
            }
            try await client.execute(uri: "/broadcasts/demo-a/report.html", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<style>"))
            }
        }
    }
}
