import Checkpoints
import Foundation
import GRDB

extension Catalog {
    /// The SHA-256 of the recording at `path`, from the catalog when the file's identity (inode, size,
    /// modification and status-change times) is the one recorded with it, else by reading the file
    /// (then recorded). Rerunning later stages on a long recording thus skips rehashing it.
    public func digest(ofRecording path: String) throws(PipelineError) -> FileDigest {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let identity = FileIdentity(path: absolute) else { return try FileDigest(path: absolute) }
        let known = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM file_digests WHERE path = ?", arguments: [absolute])
        }
        if let known,
            FileIdentity(
                device: UInt64(bitPattern: known["device"]), inode: UInt64(bitPattern: known["inode"]),
                bytes: known["bytes"], modified: known["modified_ns"], changed: known["changed_ns"]) == identity
        {
            return FileDigest(bytes: identity.bytes, sha256: known["sha256"])
        }
        let digest = try FileDigest(path: absolute)
        guard FileIdentity(path: absolute) == identity else { return digest }  // changed while read: do not remember
        try write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO file_digests (path, device, inode, bytes, modified_ns, changed_ns, sha256)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    absolute, Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode),
                    identity.bytes, identity.modified, identity.changed, digest.sha256,
                ])
        }
        return digest
    }
}
