import Checkpoints
import Foundation

extension Catalog {
    /// The SHA-256 of the recording at `path`, from the catalog when the file's identity (inode, size,
    /// modification and status-change times) is the one recorded with it, else by reading the file
    /// (then recorded). Rerunning later stages on a long recording thus skips rehashing it.
    public func digest(ofRecording path: String) throws(PipelineError) -> FileDigest {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let identity = FileIdentity(path: absolute) else { return try FileDigest(path: absolute) }
        let recorded = try read { db in
            try db.query(
                "SELECT device, inode, bytes, modified_ns, changed_ns, sha256 FROM file_digests WHERE path = ?",
                [absolute]
            ).first.map { row in
                let identity = FileIdentity(
                    device: UInt64(bitPattern: try row[0]), inode: UInt64(bitPattern: try row[1]),
                    bytes: try row[2], modified: try row[3], changed: try row[4])
                return (identity: identity, sha256: try row[5] as String)
            }
        }
        if let recorded, recorded.identity == identity {
            return FileDigest(bytes: identity.bytes, sha256: recorded.sha256)
        }
        let digest = try FileDigest(path: absolute)
        guard FileIdentity(path: absolute) == identity else { return digest }  // changed while read: do not remember
        try write { db in
            try db.execute(
                """
                INSERT INTO file_digests (path, device, inode, bytes, modified_ns, changed_ns, sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (path) DO UPDATE SET device = excluded.device, inode = excluded.inode,
                    bytes = excluded.bytes, modified_ns = excluded.modified_ns, changed_ns = excluded.changed_ns,
                    sha256 = excluded.sha256
                """,
                [
                    absolute, Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode),
                    identity.bytes, identity.modified, identity.changed, digest.sha256,
                ])
        }
        return digest
    }
}
