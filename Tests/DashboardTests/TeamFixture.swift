import Accounts
import Catalog
import Catchphrases
import Checkpoints
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Report
import Reviews
import Server

/// A demo workspace with a real catalog holding three accounts (admin, analyst, viewer), one alert and the
/// catchphrases the generator makes from the demo reviews of P004, served with the team pages.
struct TeamFixture {
    let workspace: DemoWorkspace
    let catalog: Catalog
    /// Every account's password.
    static let password = "correct horse battery"
    static let accounts: [(String, Role)] = [("admin", .admin), ("kim", .analyst), ("lee", .viewer)]

    init(accounts: Bool = true, catchphrases: Bool = false) throws {
        workspace = try DemoWorkspace()
        catalog = try Catalog(path: workspace.root + "/catalog.sqlite")
        let hasher = PasswordHasher(cost: 4)
        if accounts {
            for (name, role) in Self.accounts {
                try catalog.addAccount(Account(name: name, role: role, passwordHash: try hasher.hash(Self.password)))
            }
        }
        _ = try catalog.recordAlerts([try Self.alert()], broadcast: "demo-a", source: "test", now: Date())
        if catchphrases {
            let model = try SentimentModel(
                path: DemoWorkspace.samples + "/../Models/review-sentiment.lisent", verifyChecksum: false)
            var reader = try ReviewReader(path: DemoWorkspace.samples + "/demo.reviews.csv")
            var reviews: [Review] = []
            while let review = reader.next() { reviews.append(review) }
            let lines = CatchphraseGenerator(model: model).suggest(product: "P004", reviews: reviews).lines
            try catalog.replaceSuggestions(lines, product: "P004", now: Date())
        }
    }

    /// A negative-review alert whose quoted review would run script if it reached the page unescaped.
    static func alert() throws -> ReviewAlert {
        let quoted = DemoWorkspace.hostile.replacingOccurrences(of: "\"", with: "\\\"")
        let json = """
            {"productID": "P001", "topic": "사이즈", "negativeShare": 0.5, "windowReviews": 10, "threshold": 0.4,
             "reviews": [{"reviewID": "R0009", "line": 9, "text": "너무 작아요 \(quoted)",
                          "probability": 0.1}]}
            """
        return try JSONDecoder().decode(ReviewAlert.self, from: Data(json.utf8))
    }

    /// The dashboard's router with team pages under `access` (sign-in required unless told otherwise).
    func application(
        access: AccessPolicy = AccessPolicy(requiresSignIn: true), limiter: SignInLimiter = SignInLimiter()
    )
        -> some ApplicationProtocol
    {
        let team = TeamServices(
            accounts: catalog, board: catalog, catchphrases: catalog, alerts: catalog, access: access,
            sessions: SessionStore(storage: catalog), limiter: limiter, hasher: PasswordHasher(cost: 4))
        return Application(
            router: DashboardServer(store: WorkspaceStore(root: workspace.root), team: team).router(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    func remove() { workspace.remove() }
}

/// A browser stand-in for router tests: keeps the session cookie and reads each page's CSRF token.
final class TeamSession {
    let client: any TestClientProtocol
    private(set) var cookie: String?
    /// The last page's CSRF token.
    private(set) var csrf = ""
    /// The last Set-Cookie header.
    private(set) var setCookie: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    /// GETs `path`; returns status and body, remembering the cookie and CSRF token.
    @discardableResult
    func get(_ path: String) async throws -> (status: HTTPResponse.Status, body: String, location: String?) {
        try await send(path, method: .get, body: nil)
    }

    /// POSTs `fields` (the CSRF token added unless `csrf` is given) as a form.
    @discardableResult
    func post(
        _ path: String, _ fields: [String: String], csrf: String? = nil
    ) async throws
        -> (status: HTTPResponse.Status, body: String, location: String?)
    {
        var fields = fields
        fields["csrf"] = csrf ?? self.csrf
        let body = fields.map { key, value in
            key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }.joined(separator: "&")
        return try await send(path, method: .post, body: body)
    }

    /// Signs in as `name` with `password`.
    func signIn(_ name: String, password: String = TeamFixture.password) async throws -> HTTPResponse.Status {
        try await get("/signin")
        return try await post("/signin", ["name": name, "password": password]).status
    }

    private func send(
        _ path: String, method: HTTPRequest.Method, body: String?
    ) async throws
        -> (status: HTTPResponse.Status, body: String, location: String?)
    {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: path, method: method, headers: headers,
            body: body.map { ByteBuffer(string: $0) })
        if let set = response.headers[.setCookie] {
            setCookie = set
            let pair = String(set.split(separator: ";")[0])
            cookie = pair.hasSuffix("=") ? nil : pair
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) {
            csrf = String(text[range].split(separator: "\"")[3])
        }
        return (response.status, text, response.headers[.location])
    }
}
