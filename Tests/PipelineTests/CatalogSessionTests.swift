import Accounts
import ContentHash
import Foundation
import Testing

@testable import Catalog

/// Dashboard sessions kept in the catalog on each engine: what one `serve` process (one opened catalog) starts,
/// rotates or ends, another sees; rows hold the id's hash only; idleness and capacity end sessions as in memory.
struct CatalogSessionTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Sign-in on one server is seen, with its CSRF token, role and credential, by another; the id from before
    /// sign-in is dead on both; sign-out on the other ends the session on the first.
    @Test(arguments: CatalogEngine.available) func sessionsAreSharedByServers(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let (first, second) = (SessionStore(storage: scratch.catalog), SessionStore(storage: try scratch.reopened()))
        let anonymous = try first.start(now: start)
        #expect(try second.session(anonymous.id, now: start)?.csrfToken == anonymous.csrfToken)
        let signedIn = try first.signIn(
            account: "kim", role: .analyst, credential: "hash-at-sign-in", replacing: anonymous.id, now: start)
        #expect(try second.session(anonymous.id, now: start) == nil)
        #expect(try second.session(signedIn.id, now: start) == signedIn)
        try second.end(signedIn.id)
        #expect(try first.session(signedIn.id, now: start) == nil)
        #expect(try second.session(RandomToken.make(), now: start) == nil)
    }

    /// The table holds the SHA-256 of each session id, never the id, so a copy of the catalog signs nobody in.
    @Test(arguments: CatalogEngine.available) func storesOnlyTheIdsHash(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let session = try SessionStore(storage: scratch.catalog).start(now: start)
        let keys: [String] = try scratch.catalog.read { db in
            try db.query("SELECT id_hash FROM dashboard_sessions").map { try $0[0] }
        }
        #expect(keys == [SHA256.hex(of: Array(session.id.utf8))] && keys != [session.id])
    }

    /// The last use is written at most once per touch interval, so a session read only within it times out
    /// from its last written use; one read after it lives on. Expired sessions are gone on every server.
    @Test(arguments: CatalogEngine.available) func idleSessionsEndEverywhere(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let store = SessionStore(storage: scratch.catalog, idleTimeout: 3600)
        let other = SessionStore(storage: try scratch.reopened(), idleTimeout: 3600)
        let (unwritten, written) = (try store.start(now: start), try store.start(now: start))
        #expect(try store.session(unwritten.id, now: start.addingTimeInterval(store.touchInterval / 2)) != nil)
        #expect(try store.session(written.id, now: start.addingTimeInterval(store.touchInterval)) != nil)
        let later = start.addingTimeInterval(3600 + 1)
        #expect(try other.session(unwritten.id, now: later) == nil)
        #expect(try other.session(written.id, now: later) != nil)
        #expect(try store.session(unwritten.id, now: later) == nil)
    }

    /// When full, expired sessions go first, then the least recently used; the table never outgrows capacity.
    @Test(arguments: CatalogEngine.available) func capacityBoundsTheTable(engine: CatalogEngine) throws {
        let scratch = try ScratchCatalog(engine)
        let store = SessionStore(storage: scratch.catalog, idleTimeout: 3600, capacity: 3)
        let expired = try (0..<2).map { _ in try store.start(now: start) }
        let live = try store.start(now: start.addingTimeInterval(1800))
        let next = try store.start(now: start.addingTimeInterval(3600))
        let count: Int = try scratch.catalog.read { db in
            try db.query("SELECT COUNT(*) FROM dashboard_sessions")[0][0]
        }
        #expect(count == 2, "both expired sessions went when the fourth came")
        let newest = try store.start(now: start.addingTimeInterval(3601))
        #expect(try expired.allSatisfy { try store.session($0.id, now: start.addingTimeInterval(3602)) == nil })
        #expect(try store.session(live.id, now: start.addingTimeInterval(3602)) != nil, "read, so written: recent")
        let full = try store.start(now: start.addingTimeInterval(3603))
        let last = start.addingTimeInterval(3604)
        #expect(try store.session(next.id, now: last) == nil, "the least recently used made room")
        #expect(try [live, newest, full].allSatisfy { try store.session($0.id, now: last) != nil })
    }
}
