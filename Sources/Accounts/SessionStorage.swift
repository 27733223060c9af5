import Foundation
import Synchronization

/// Where a ``SessionStore`` keeps its sessions: rows by session id, nothing more; the store decides when a
/// session ends. ``MemorySessionStorage`` keeps them in this process; the catalog keeps them for every server
/// over it.
public protocol SessionStorage: Sendable {
    /// The session `id` as stored, however long unused; nil when unknown.
    func storedSession(_ id: String) throws -> Session?
    /// Keeps `session`. When `capacity` sessions are kept already, first ends those last used at or before
    /// `idleBefore`, then, if still full, the least recently used ones.
    func insertSession(_ session: Session, capacity: Int, idleBefore: Date) throws
    /// Records that session `id` was last used at `date` (nothing when it has ended).
    func touchSession(_ id: String, at date: Date) throws
    /// Ends session `id`.
    func removeSession(_ id: String) throws
}

/// Sessions in this process's memory: a restart signs everyone out, and no other process sees them. For a
/// dashboard served from folders alone (no catalog).
public final class MemorySessionStorage: SessionStorage {
    private let sessions = Mutex<[String: Session]>([:])

    /// An empty storage.
    public init() {}

    public func storedSession(_ id: String) -> Session? { sessions.withLock { $0[id] } }

    public func insertSession(_ session: Session, capacity: Int, idleBefore: Date) {
        sessions.withLock { all in
            if all.count >= capacity {
                all = all.filter { $0.value.lastSeen > idleBefore }
                if all.count >= capacity, let oldest = all.min(by: { $0.value.lastSeen < $1.value.lastSeen })?.key {
                    all[oldest] = nil
                }
            }
            all[session.id] = session
        }
    }

    public func touchSession(_ id: String, at date: Date) { sessions.withLock { $0[id]?.lastSeen = date } }

    public func removeSession(_ id: String) { sessions.withLock { $0[id] = nil } }
}
