import Foundation

/// An exclusive advisory lock on a file (`flock`). The kernel releases it when the holder closes it or
/// dies, even by SIGKILL, so a crashed run never leaves a broadcast or the catalog locked.
///
/// Each `FileLock` opens its own descriptor, so two locks on one path exclude each other even within
/// one process (two jobs of one watcher on the same broadcast).
public final class FileLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Creates `path` if needed and waits until the lock is free.
    public init(path: String) throws(PipelineError) {
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: path, detail: "cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .io(path: path, detail: "cannot lock (\(reason))")
            }
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}

extension FileLock {
    /// Whether some process holds the lock on `path` right now (false when there is no lock file).
    public static func isHeld(path: String) -> Bool {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }
}
