import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// Sign-in, sessions, CSRF, roles and the board through the real router and catalog (no sockets).
@Suite struct TeamRouteTests {
    /// Runs `body` with a fresh fixture's router.
    private func withTeam(
        access: AccessPolicy = AccessPolicy(requiresSignIn: true), limiter: SignInLimiter = SignInLimiter(),
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let fixture = try TeamFixture()
        defer { fixture.remove() }
        try await fixture.application(access: access, limiter: limiter).test(.router) { try await body($0) }
    }

    /// Pages send a visitor who has not signed in to `/signin` (keeping where they were going); assets stay reachable.
    @Test func requiresSignIn() async throws {
        try await withTeam { client async throws in
            let session = TeamSession(client)
            for path in ["/", "/board", "/broadcasts/demo-a", "/catchphrases", "/alerts"] {
                let response = try await session.get(path)
                #expect(
                    response.status == .seeOther && response.location?.hasPrefix("/signin?next=") == true, "\(path)")
            }
            #expect(try await session.get("/static/dashboard.css").status == .ok)
            // No live session yet, so no token can match.
            #expect(try await session.post("/board", ["title": "t", "body": "b"]).status == .forbidden)
        }
    }

    /// Health checks and the static assets start no session (each would be a catalog write); a page does.
    @Test func healthChecksAndAssetsStartNoSession() async throws {
        try await withTeam { client async throws in
            let session = TeamSession(client)
            let health = try await session.get("/healthz")
            #expect(health.status == .ok && health.body == "ok\n")
            #expect(try await session.get("/static/dashboard.css").status == .ok)
            #expect(try await session.get("/static/dashboard.js").status == .ok)
            #expect(session.setCookie == nil)
            try await session.get("/signin")
            #expect(session.setCookie != nil)
        }
    }

    /// A right password signs in with a new HttpOnly, SameSite=Strict session cookie; the old one is dead; a wrong
    /// password or unknown account is refused with one message.
    @Test func signsInAndOut() async throws {
        try await withTeam { client async throws in
            let session = TeamSession(client)
            #expect(try await session.signIn("kim", password: "wrong password!") == .unauthorized)
            #expect(try await session.signIn("nobody") == .unauthorized)
            try await session.get("/signin")
            let before = session.cookie
            #expect(
                session.setCookie?.contains("HttpOnly") == true
                    && session.setCookie?.contains("SameSite=Strict") == true)
            #expect(session.setCookie?.contains("Secure") == false)
            let signedIn = try await session.post(
                "/signin", ["name": "kim", "password": TeamFixture.password, "next": "/board"])
            #expect(signedIn.status == .seeOther && signedIn.location == "/board")
            #expect(session.cookie != nil && session.cookie != before)
            #expect(try await session.get("/board").body.contains("kim (analyst)"))
            let list = try await session.get("/").body  // the list links every team page
            #expect(["/board", "/catchphrases", "/alerts"].allSatisfy { list.contains("href=\"\($0)\"") })
            try await session.post("/signout", [:])
            #expect(try await session.get("/board").status == .seeOther)
        }
    }

    /// Signs kim in, applies `change` to the catalog as another process would (it reports whether kim was
    /// there to change), and expects the next page to ask for sign-in again.
    private func expectSignedOut(after change: @escaping @Sendable (TeamFixture) throws -> Bool) async throws {
        let fixture = try TeamFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client async throws in
            let session = TeamSession(client)
            #expect(try await session.signIn("kim") == .seeOther)
            #expect(try await session.get("/board").status == .ok)
            #expect(try change(fixture))
            #expect(try await session.get("/board").status == .seeOther)
        }
    }

    /// Removing an account ends its sessions at once in a running server.
    @Test func removedAccountsAreSignedOut() async throws {
        try await expectSignedOut { try $0.catalog.removeAccount(named: "kim") }
    }

    /// A password changed while the server runs (`users passwd`) ends the sessions signed in with the old one.
    @Test func changedPasswordsSignOut() async throws {
        let hash = try PasswordHasher(cost: 4).hash("another long password")
        try await expectSignedOut { try $0.catalog.setPasswordHash(hash, named: "kim") }
    }

    /// `next` never leads off the site.
    @Test func refusesOpenRedirects() async throws {
        try await withTeam { client async throws in
            let session = TeamSession(client)
            try await session.get("/signin")
            let response = try await session.post(
                "/signin", ["name": "kim", "password": TeamFixture.password, "next": "//evil.example/x"])
            #expect(response.location == "/")
        }
    }

    /// A form without the session's CSRF token, or with another one, is refused, even when signed in.
    @Test func requiresTheCSRFToken() async throws {
        try await withTeam { client async throws in
            let session = TeamSession(client)
            #expect(try await session.signIn("admin") == .seeOther)
            try await session.get("/board")
            #expect(try await session.post("/board", ["title": "t", "body": "b"], csrf: "").status == .forbidden)
            #expect(
                try await session.post("/board", ["title": "t", "body": "b"], csrf: RandomToken.make()).status
                    == .forbidden)
            #expect(try await session.post("/board", ["title": "t", "body": "b"]).status == .seeOther)
        }
    }

    /// After five failures the account is locked out for the window, even with the right password.
    @Test func limitsSignInAttempts() async throws {
        try await withTeam(limiter: SignInLimiter(maxFailures: 5, window: 900)) { client async throws in
            let session = TeamSession(client)
            var failures: [HTTPResponse.Status] = []
            for _ in 0..<5 { failures.append(try await session.signIn("kim", password: "wrong password!")) }
            #expect(failures == Array(repeating: .unauthorized, count: 5))
            let right = try await session.signIn("kim")
            let other = try await session.signIn("admin")  // the same client, another name
            #expect(right == .tooManyRequests && other == .tooManyRequests)
        }
    }

    /// Viewers read; analysts post and answer but cannot approve; admins approve.
    @Test func rolesGuardTheForms() async throws {
        try await withTeam { client async throws in
            let viewer = TeamSession(client)
            let analyst = TeamSession(client)
            let admin = TeamSession(client)
            for (session, name) in [(viewer, "lee"), (analyst, "kim"), (admin, "admin")] {
                _ = try await session.signIn(name)
            }
            try await viewer.get("/board")
            #expect(try await viewer.post("/board", ["title": "t", "body": "b"]).status == .forbidden)
            try await analyst.get("/board")
            let posted = try await analyst.post(
                "/board", ["title": "보습 지속 시간?", "body": "몇 시간 가나요?", "product": "P002"])
            let path = try #require(posted.location)
            try await analyst.get(path)
            #expect(try await analyst.post(path + "/answers", ["body": "8시간입니다."]).status == .seeOther)
            #expect(try await analyst.post(path + "/status", ["status": "approved"]).status == .forbidden)
            try await admin.get(path)
            #expect(try await admin.post(path + "/status", ["status": "approved"]).status == .seeOther)
            let page = try await viewer.get(path).body
            #expect(page.contains("8시간입니다.") && page.contains("승인 approved") && !page.contains("answer-body"))
        }
    }

    /// Hostile titles and bodies are shown as text on the list and the inquiry's page.
    @Test func escapesBoardText() async throws {
        try await withTeam { client async throws in
            let session = TeamSession(client)
            _ = try await session.signIn("kim")
            try await session.get("/board")
            let path = try #require(
                try await session.post("/board", ["title": DemoWorkspace.hostile, "body": DemoWorkspace.hostile])
                    .location)
            for page in [try await session.get("/board").body, try await session.get(path).body] {
                #expect(!page.contains("<img src=x") && page.contains("&lt;img src=x onerror=alert(1)&gt;"))
            }
        }
    }

    /// Search matches title or body words; pages hold 20 inquiries, newest first.
    @Test func searchesAndPages() async throws {
        try await withTeam { client async throws in
            let session = TeamSession(client)
            _ = try await session.signIn("kim")
            try await session.get("/board")
            for index in 1...25 {
                try await session.post("/board", ["title": "문의 \(index)", "body": index % 5 == 0 ? "배송 지연" : "사이즈 질문"])
            }
            let first = try await session.get("/board").body
            let second = try await session.get("/board?page=2").body
            #expect(first.components(separatedBy: "<tr><td class=\"num\">").count - 1 == 20 && first.contains("1 / 2"))
            #expect(
                second.components(separatedBy: "<tr><td class=\"num\">").count - 1 == 5 && second.contains(">문의 1<"))
            let searched = try await session.get("/board?q=%EB%B0%B0%EC%86%A1").body  // 배송
            #expect(searched.components(separatedBy: "<tr><td class=\"num\">").count - 1 == 5)
        }
    }

    /// On loopback without accounts the local user may do everything (forms still need the token); with
    /// `--public-read` anonymous visitors read but may not post.
    @Test func localAndPublicReadAccess() async throws {
        try await withTeam(access: AccessPolicy(requiresSignIn: false)) { client async throws in
            let session = TeamSession(client)
            #expect(try await session.get("/board").status == .ok)
            #expect(try await session.post("/board", ["title": "로컬", "body": "질문"]).status == .seeOther)
        }
        try await withTeam(access: AccessPolicy(requiresSignIn: true, anonymousRead: true)) { client async throws in
            let session = TeamSession(client)
            let page = try await session.get("/board")
            #expect(page.status == .ok && page.body.contains("signin-link") && !page.body.contains("new-inquiry"))
            #expect(try await session.post("/board", ["title": "익명", "body": "질문"]).status == .forbidden)
        }
        #expect(
            AccessPolicy.forServing(host: "0.0.0.0", hasAccounts: false, anonymousRead: false, secureCookies: false)
                == nil)
        #expect(
            AccessPolicy.forServing(host: "127.0.0.1", hasAccounts: false, anonymousRead: false, secureCookies: false)?
                .requiresSignIn == false)
        #expect(
            AccessPolicy.forServing(host: "0.0.0.0", hasAccounts: true, anonymousRead: false, secureCookies: true)?
                .requiresSignIn == true)
    }

    /// With `--secure-cookies` the session cookie is marked Secure.
    @Test func marksCookiesSecureWhenAsked() async throws {
        try await withTeam(access: AccessPolicy(requiresSignIn: true, secureCookies: true)) { client async throws in
            let session = TeamSession(client)
            try await session.get("/signin")
            #expect(session.setCookie?.contains("Secure") == true)
        }
    }

    /// Alerts are listed with their reviews (escaped); an analyst acknowledges then resolves one; a viewer cannot.
    @Test func acknowledgesAndResolvesAlerts() async throws {
        try await withTeam { client async throws in
            let viewer = TeamSession(client)
            let analyst = TeamSession(client)
            _ = try await viewer.signIn("lee")
            _ = try await analyst.signIn("kim")
            let page = try await analyst.get("/alerts").body
            #expect(page.contains("사이즈") && page.contains("R0009") && !page.contains("<img src=x"))
            let id = try #require(
                page.range(of: #"<tr data-id="\d+""#, options: .regularExpression).map { page[$0].filter(\.isNumber) })
            try await viewer.get("/alerts")
            #expect(try await viewer.post("/alerts/\(id)", ["state": "acknowledged"]).status == .forbidden)
            #expect(try await analyst.post("/alerts/\(id)", ["state": "acknowledged"]).status == .seeOther)
            #expect(try await analyst.get("/alerts").body.contains("acknowledged · kim"))
            #expect(try await analyst.post("/alerts/\(id)", ["state": "resolved"]).status == .seeOther)
            let resolved = try await analyst.get("/alerts").body
            let sections = resolved.components(separatedBy: "id=\"alerts-resolved\"")
            #expect(
                sections.count == 2 && sections[1].contains("data-id=\"\(id)\"")
                    && !sections[0].contains("data-id=\"\(id)\""))
        }
    }
}
