import Foundation

/// Writes a file so that no reader, and no crash, ever sees half of it: the bytes go to a temporary
/// name beside the target, are flushed to disk (fsync), renamed over the target, and the folder is
/// flushed so the rename itself survives a power cut.
///
/// Temporary names contain `AtomicFile.temporaryMarker`; a process killed mid-write leaves one behind,
/// never a damaged target. `removeLeftovers(in:)` clears them (the pipeline does so under the broadcast lock).
public final class AtomicFileWriter {
    /// The file that appears on `commit()`.
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var finished = false

    /// Opens a temporary file beside `path`.
    public init(path: String) throws(PipelineError) {
        self.path = path
        temporaryPath = path + AtomicFile.temporaryMarker + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: path, detail: "cannot create the output file (\(String(cString: strerror(errno))))")
        }
    }

    deinit { abandon() }

    /// Appends `data`.
    public func write(_ data: Data) throws(PipelineError) {
        let failure: Int32? = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure {
            abandon()
            throw .io(path: path, detail: "cannot write (\(String(cString: strerror(failure))))")
        }
    }

    /// Flushes, closes and renames the file into place.
    public func commit() throws(PipelineError) {
        guard !finished else { return }
        finished = true
        let synced = fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        guard synced, closed, rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .io(path: path, detail: "cannot move the finished file into place (\(reason))")
        }
        AtomicFile.syncFolder(of: path)
    }

    /// Discards what was written; the target is left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporaryPath)
    }
}

/// One-call atomic writes and the clean-up of temporary files a killed process left behind.
public enum AtomicFile {
    /// Infix of every temporary name (`<target>.partial-<pid>-<random>`).
    public static let temporaryMarker = ".partial-"

    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws(PipelineError) {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(data)
        try writer.commit()
    }

    /// Writes several files into `folder` as a set: every file is written and flushed under a temporary name
    /// first, and only when all are written are they renamed into place. A failure before that (a full
    /// disk, a name the file system refuses) leaves none of them, so a reader never sees part of the set.
    public static func writeAll(_ files: [(name: String, data: Data)], into folder: String) throws(PipelineError) {
        var writers: [AtomicFileWriter] = []
        defer { for writer in writers { writer.abandon() } }  // after a failure: every temporary file goes
        for file in files {
            let writer = try AtomicFileWriter(path: folder + "/" + file.name)
            writers.append(writer)
            try writer.write(file.data)
        }
        for writer in writers { try writer.commit() }
    }

    /// Deletes temporary files in `folder` (not recursively). Call only while no other writer can be
    /// active there, e.g. while holding the folder's `FileLock`.
    public static func removeLeftovers(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.contains(temporaryMarker) {
            unlink(folder + "/" + name)
        }
    }

    /// Flushes the folder holding `path`, so a rename or creation in it is durable.
    package static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
