import Foundation

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

    /// A session from its fields.
    public init(
        id: String, csrfToken: String, account: String?, role: Role?, lastSeen: Date, credential: String? = nil
    ) {
        (self.id, self.csrfToken, self.account, self.role) = (id, csrfToken, account, role)
        (self.lastSeen, self.credential) = (lastSeen, credential)
    }
}

/// The sessions' rules over a ``SessionStorage``: sessions in this process's memory when the dashboard has no
/// catalog, else in the catalog, so every `serve` process over one catalog knows every session (sign-in on one
/// server counts on all, sign-out on one ends it on all). Every visitor gets a session on the first page (so the
/// sign-in form has a CSRF token too); signing in replaces it with a new id, so a session id planted before
/// sign-in is worthless after it. A session unused for ``idleTimeout`` ends.
public final class SessionStore: Sendable {
    /// A session unused this long ends (default 8 hours: a working day).
    public let idleTimeout: TimeInterval
    /// Most sessions kept; beyond it expired ones, then the least recently used ones, end first (default 10,000).
    public let capacity: Int
    /// A session's last use is written back at most this often (a minute, or 1/60 of a shorter idle timeout), so
    /// a page view in a catalog-backed store is a read, not a write; a session may end up to this much early.
    public let touchInterval: TimeInterval
    private let storage: any SessionStorage

    /// A store with the given limits, keeping its sessions in `storage` (default: this process's memory).
    public init(
        storage: any SessionStorage = MemorySessionStorage(), idleTimeout: TimeInterval = 8 * 3600,
        capacity: Int = 10_000
    ) {
        (self.storage, self.idleTimeout, self.capacity) = (storage, idleTimeout, max(1, capacity))
        touchInterval = min(60, idleTimeout / 60)
    }

    /// The live session `id`, touched; nil when unknown or expired.
    public func session(_ id: String, now: Date = Date()) throws -> Session? {
        guard var session = try storage.storedSession(id) else { return nil }
        let idle = now.timeIntervalSince(session.lastSeen)
        guard idle < idleTimeout else {
            try storage.removeSession(id)
            return nil
        }
        if idle >= touchInterval { try storage.touchSession(id, at: now) }
        session.lastSeen = now
        return session
    }

    /// A new anonymous session.
    public func start(now: Date = Date()) throws -> Session {
        try insert(
            Session(id: RandomToken.make(), csrfToken: RandomToken.make(), account: nil, role: nil, lastSeen: now))
    }

    /// Ends `previous` (if any) and starts a signed-in session for `account` with a fresh id and CSRF token.
    public func signIn(
        account: String, role: Role, credential: String? = nil, replacing previous: String?,
        now: Date = Date()
    ) throws -> Session {
        if let previous { try end(previous) }
        return try insert(
            Session(
                id: RandomToken.make(), csrfToken: RandomToken.make(), account: account, role: role,
                lastSeen: now, credential: credential))
    }

    /// Ends session `id` (sign-out).
    public func end(_ id: String) throws { try storage.removeSession(id) }

    private func insert(_ session: Session) throws -> Session {
        try storage.insertSession(
            session, capacity: capacity, idleBefore: session.lastSeen.addingTimeInterval(-idleTimeout))
        return session
    }
}
