import Foundation

/// What identifies a file's content without reading it: device, inode, size, and the modification and
/// status-change times in nanoseconds. Any write changes the status-change time (which no user can
/// set back), so an unchanged identity means unchanged bytes, as git's index assumes. The catalog remembers
/// recording digests by it; the dashboard keeps decoded checkpoints by it.
public struct FileIdentity: Equatable, Sendable {
    /// The device holding the file.
    public var device: UInt64
    /// Its inode on that device.
    public var inode: UInt64
    /// Its size.
    public var bytes: Int64
    /// Its modification time, nanoseconds since 1970.
    public var modified: Int64
    /// Its status-change time, nanoseconds since 1970.
    public var changed: Int64

    /// The identity of the regular file at `path`, or nil if there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        (device, inode, bytes) = (UInt64(info.st_dev), UInt64(info.st_ino), Int64(info.st_size))
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    /// An identity from its parts (as stored).
    public init(device: UInt64, inode: UInt64, bytes: Int64, modified: Int64, changed: Int64) {
        (self.device, self.inode, self.bytes, self.modified, self.changed) = (device, inode, bytes, modified, changed)
    }
}
