import Foundation
import PrivatePostgres
import Testing

/// Two `serve` processes over one PostgreSQL catalog, as behind a load balancer: a session started on one is a
/// session on the other, CSRF tokens included, and ending it on one (sign-out, `users passwd`) ends it on both.
@Suite(.serialized, .needsPostgres)
struct SharedSessionsTests {
    private static let cookieName = "liveinsight_session"
    private static let password = "correct horse battery"

    /// Signed in on A, kim reads the board on B and signs out there with A's token; A then refuses the cookie.
    /// Signed in again on A, a password change ends that session on B.
    @Test func serversShareSignIn() throws {
        let database = try PrivatePostgres()
        defer { database.stop() }
        let root = try CLIRunner.temporaryDirectory().path
        let workspace = root + "/ws"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        let catalog = ["--workspace", workspace, "--catalog", database.url]
        let added = try CLIRunner.run(
            ["users", "add", "kim", "--role", "analyst"] + catalog, input: Self.password + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        let servers = try (0..<2).map { index in
            try CLIRunner.start(
                ["serve", "--port", "0"] + catalog, log: URL(fileURLWithPath: root + "/serve-\(index).log"))
        }
        defer { for process in servers { process.terminate(); process.waitUntilExit() } }
        let ports = try (0..<2).map { index in
            try #require(SharedCatalogTests.port(log: root + "/serve-\(index).log"))
        }
        let (a, b) = (ports[0], ports[1])

        let cookie = try #require(try Self.signIn(port: a))
        let board = try #require(LocalHTTP.request(port: b, "/board", cookie: cookie))
        #expect(board.status.contains("200") && board.body.contains("kim (analyst)"), "\(board.status)")
        let boardOnA = try #require(LocalHTTP.request(port: a, "/board", cookie: cookie))
        let token = try #require(Self.csrf(in: boardOnA.body))
        let signOut = LocalHTTP.request(port: b, "/signout", method: "POST", cookie: cookie, form: ["csrf": token])
        #expect(signOut?.status.contains("303") == true, "\(String(describing: signOut?.status))")
        #expect(Self.isSentToSignIn(LocalHTTP.request(port: a, "/board", cookie: cookie)))

        let again = try #require(try Self.signIn(port: a))
        #expect(LocalHTTP.request(port: b, "/board", cookie: again)?.status.contains("200") == true)
        let changed = try CLIRunner.run(["users", "passwd", "kim"] + catalog, input: "new horse battery\n")
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(Self.isSentToSignIn(LocalHTTP.request(port: b, "/board", cookie: again)))
    }

    /// Signs kim in on the server at `port` through its form; the signed-in `name=value` session cookie.
    private static func signIn(port: Int) throws -> String? {
        let page = try #require(LocalHTTP.request(port: port, "/signin"))
        let anonymous = try #require(page.setCookie(cookieName))
        let token = try #require(csrf(in: page.body))
        let reply = try #require(
            LocalHTTP.request(
                port: port, "/signin", method: "POST", cookie: "\(cookieName)=\(anonymous)",
                form: ["name": "kim", "password": password, "csrf": token, "next": "/board"]))
        #expect(reply.status.contains("303"), "\(reply.status): \(reply.body)")
        return reply.setCookie(cookieName).map { "\(cookieName)=\($0)" }
    }

    /// The CSRF token of a page's forms.
    private static func csrf(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) else {
            return nil
        }
        return String(page[range].split(separator: "\"")[3])
    }

    /// Whether `response` sends the visitor to the sign-in page.
    private static func isSentToSignIn(_ response: LocalHTTP.Response?) -> Bool {
        response?.status.contains("303") == true
            && response?.headers.contains { $0.lowercased().hasPrefix("location: /signin") } == true
    }
}
