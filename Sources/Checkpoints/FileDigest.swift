import ContentHash
import Foundation

/// A file's size and SHA-256, computed by streaming it in 1 MiB blocks (memory stays flat).
public struct FileDigest: Codable, Sendable, Equatable {
    /// Size in bytes.
    public var bytes: Int64
    /// Lowercase hex SHA-256 of the whole file.
    public var sha256: String

    public init(bytes: Int64, sha256: String) {
        (self.bytes, self.sha256) = (bytes, sha256)
    }

    /// Hashes the file at `path`.
    public init(path: String) throws(PipelineError) {
        if let problem = Self.problem(reading: path) { throw .io(path: path, detail: problem) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .io(path: path, detail: "cannot open for reading (check its permissions)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total: Int64 = 0
        while true {
            let block: Data
            do { block = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw .io(path: path, detail: "cannot read (\(error.localizedDescription))")
            }
            if block.isEmpty { break }
            hasher.update(block)
            total += Int64(block.count)
        }
        self.init(bytes: total, sha256: hasher.finalizeHex())
    }

    /// Why `path` cannot be read as a file ("no such file", "it is a folder, not a file", …), or nil when
    /// it is a regular file (or a link to one).
    public static func problem(reading path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "no such file" }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a folder, not a file"
        default: return "not a regular file (a device, pipe or socket)"
        }
    }

    /// The size of the file at `path`, or nil if there is none.
    public static func size(of path: String) -> Int64? {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int64(info.st_size) : nil
    }
}
