import Accounts
import Checkpoints
import ContentHash
import Foundation

/// The dashboard's sign-in sessions (`dashboard_sessions`), shared by every `serve` process over this catalog:
/// signed in on one server is signed in on all, and signing out on one ends the session on all. Rows are keyed
/// by the SHA-256 of the session id, never the id itself, so a copy of the catalog (a backup, a dump) holds no
/// cookie that would sign anyone in.
extension Catalog: SessionStorage {
    public func storedSession(_ id: String) throws(PipelineError) -> Session? {
        try read { db in
            try db.query(
                "SELECT csrf_token, account, role, credential, last_seen FROM dashboard_sessions WHERE id_hash = ?",
                [Self.sessionKey(id)]
            ).first.map { row in
                let role: String? = try row[2]
                return Session(
                    id: id, csrfToken: try row[0], account: try row[1], role: role.flatMap(Role.init),
                    lastSeen: try row[4], credential: try row[3])
            }
        }
    }

    public func insertSession(_ session: Session, capacity: Int, idleBefore: Date) throws(PipelineError) {
        try write { db in
            // Room is made only when full, as in memory: expired rows stay at most `capacity` rows.
            var count: Int = try db.query("SELECT COUNT(*) FROM dashboard_sessions")[0][0]
            if count >= capacity {
                count -= try db.execute("DELETE FROM dashboard_sessions WHERE last_seen <= ?", [idleBefore])
            }
            if count >= capacity {
                try db.execute(
                    """
                    DELETE FROM dashboard_sessions WHERE id_hash IN
                        (SELECT id_hash FROM dashboard_sessions ORDER BY last_seen LIMIT ?)
                    """, [count - capacity + 1])
            }
            try db.execute(
                """
                INSERT INTO dashboard_sessions (id_hash, csrf_token, account, role, credential, last_seen)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    Self.sessionKey(session.id), session.csrfToken, session.account, session.role?.rawValue,
                    session.credential, session.lastSeen,
                ])
        }
    }

    public func touchSession(_ id: String, at date: Date) throws(PipelineError) {
        try write { db in
            try db.execute(
                "UPDATE dashboard_sessions SET last_seen = ? WHERE id_hash = ?", [date, Self.sessionKey(id)])
        }
    }

    public func removeSession(_ id: String) throws(PipelineError) {
        try write { db in try db.execute("DELETE FROM dashboard_sessions WHERE id_hash = ?", [Self.sessionKey(id)]) }
    }

    /// The row key of session `id`: its SHA-256, in hex.
    static func sessionKey(_ id: String) -> String { SHA256.hex(of: Array(id.utf8)) }
}
