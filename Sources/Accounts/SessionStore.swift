import Foundation
import Synchronization

/// A visitor's session: who signed in (if anyone) and the CSRF token every form of theirs must carry.
public struct Session: Sendable, Equatable {
    /// The cookie value: a ``RandomToken``.
    public let id: String
    /// The synchronizer token forms post back; compared with ``RandomToken/equal(_:_:)``.
    public let csrfToken: String
    /// The signed-in account and its role; nil before sign-in.
    public let account: String?
    /// The account's role; nil before sign-in.
    public let role: Role?
    /// When the session was last used.
    public var lastSeen: Date
    /// The account's password hash at sign-in: a password changed since (`users passwd`) ends the session.
    public var credential: String? = nil
}

/// Sessions in memory: a server restart signs everyone out, which is acceptable for a team dashboard and
/// keeps session ids out of the catalog file. Every visitor gets a session on the first page (so the sign-in
/// form has a CSRF token too); signing in replaces it with a new id, so a session id planted before sign-in
/// is worthless after it.
public final class SessionStore: Sendable {
    /// A session unused this long ends (default 8 hours: a working day).
    public let idleTimeout: TimeInterval
    /// Most sessions kept; beyond it the least recently used ones end first (default 10,000).
    public let capacity: Int
    private let sessions = Mutex<[String: Session]>([:])

    /// A store with the given limits.
    public init(idleTimeout: TimeInterval = 8 * 3600, capacity: Int = 10_000) {
        (self.idleTimeout, self.capacity) = (idleTimeout, max(1, capacity))
    }

    /// The live session `id`, touched; nil when unknown or expired.
    public func session(_ id: String, now: Date = Date()) -> Session? {
        sessions.withLock { all in
            guard var session = all[id] else { return nil }
            guard now.timeIntervalSince(session.lastSeen) < idleTimeout else {
                all[id] = nil
                return nil
            }
            session.lastSeen = now
            all[id] = session
            return session
        }
    }

    /// A new anonymous session.
    public func start(now: Date = Date()) -> Session {
        insert(Session(id: RandomToken.make(), csrfToken: RandomToken.make(), account: nil, role: nil, lastSeen: now))
    }

    /// Ends `previous` (if any) and starts a signed-in session for `account` with a fresh id and CSRF token.
    public func signIn(
        account: String, role: Role, credential: String? = nil, replacing previous: String?,
        now: Date = Date()
    ) -> Session {
        if let previous { end(previous) }
        return insert(
            Session(
                id: RandomToken.make(), csrfToken: RandomToken.make(), account: account, role: role,
                lastSeen: now, credential: credential))
    }

    /// Ends session `id` (sign-out).
    public func end(_ id: String) { sessions.withLock { $0[id] = nil } }

    private func insert(_ session: Session) -> Session {
        sessions.withLock { all in
            if all.count >= capacity {
                let expired = all.filter { session.lastSeen.timeIntervalSince($0.value.lastSeen) >= idleTimeout }.map(
                    \.key)
                for id in expired { all[id] = nil }
                if all.count >= capacity, let oldest = all.min(by: { $0.value.lastSeen < $1.value.lastSeen })?.key {
                    all[oldest] = nil
                }
            }
            all[session.id] = session
            return session
        }
    }
}
