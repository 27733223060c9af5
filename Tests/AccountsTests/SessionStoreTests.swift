import Accounts
import Foundation
import Testing

/// Sessions and their CSRF tokens: unguessable, rotated at sign-in, ended by sign-out and idleness.
@Suite struct SessionStoreTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A new session is found by its id, anonymous, with a CSRF token unlike its id; unknown ids find nothing.
    @Test func startsAnonymousSessions() throws {
        let store = SessionStore()
        let session = try store.start(now: start)
        #expect(session.id.count == 64 && session.csrfToken.count == 64 && session.id != session.csrfToken)
        #expect(try store.session(session.id, now: start)?.account == nil)
        #expect(try store.session(RandomToken.make(), now: start) == nil)
    }

    /// Signing in gives a new id and token; the id from before sign-in no longer works (no session fixation).
    @Test func signInRotatesTheSession() throws {
        let store = SessionStore()
        let anonymous = try store.start(now: start)
        let signedIn = try store.signIn(account: "kim", role: .analyst, replacing: anonymous.id, now: start)
        #expect(signedIn.id != anonymous.id && signedIn.csrfToken != anonymous.csrfToken)
        #expect(try store.session(anonymous.id, now: start) == nil)
        #expect(try store.session(signedIn.id, now: start)?.role == .analyst)
        try store.end(signedIn.id)
        #expect(try store.session(signedIn.id, now: start) == nil)
    }

    /// A session idle past the timeout ends; one used within it lives on from its last use.
    @Test func idleSessionsEnd() throws {
        let store = SessionStore(idleTimeout: 60)
        let session = try store.start(now: start)
        #expect(try store.session(session.id, now: start.addingTimeInterval(50)) != nil)
        #expect(try store.session(session.id, now: start.addingTimeInterval(100)) != nil)  // 50 s after the last use
        #expect(try store.session(session.id, now: start.addingTimeInterval(161)) == nil)
    }

    /// At capacity the least recently used session makes room.
    @Test func capacityEvictsTheLeastRecentlyUsed() throws {
        let store = SessionStore(capacity: 2)
        let old = try store.start(now: start)
        let recent = try store.start(now: start.addingTimeInterval(1))
        let newest = try store.start(now: start.addingTimeInterval(2))
        #expect(try store.session(old.id, now: start.addingTimeInterval(3)) == nil)
        #expect(try store.session(recent.id, now: start.addingTimeInterval(3)) != nil)
        #expect(try store.session(newest.id, now: start.addingTimeInterval(3)) != nil)
    }

    /// Token comparison: equal only for identical strings; tokens are fresh each time.
    @Test func comparesTokensExactly() {
        let token = RandomToken.make()
        #expect(RandomToken.equal(token, token))
        #expect(!RandomToken.equal(token, String(token.dropLast()) + (token.last == "0" ? "1" : "0")))
        #expect(!RandomToken.equal(token, String(token.dropLast())))
        #expect(Set((0..<100).map { _ in RandomToken.make() }).count == 100)
    }
}
