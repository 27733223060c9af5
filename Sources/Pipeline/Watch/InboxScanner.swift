import Checkpoints
import Foundation

/// Finds recordings in the watched folder and its subfolders that have stopped changing: a file (and each
/// of its companions) is ready once its size and modification time have stayed the same across checks at
/// least `settle` seconds apart and no process holds it open for writing (a writer that pauses longer than
/// `settle` is waited for; see ``isOpenForWriting(_:)``). A recording marked reported (queued) is not
/// returned again until it changes or leaves and comes back. Symbolic links are never followed nor opened:
/// they are listed in ``links`` for the daemon to refuse. Hidden files and folders are skipped. Never
/// touches the files.
struct InboxScanner {
    let folder: String
    let settle: TimeInterval
    private var observed: [String: Observation] = [:]

    private struct Observation: Equatable {
        var size: Int64
        var modified: Double
        var since: Date
        var reported = false
    }

    init(folder: String, settle: TimeInterval) {
        (self.folder, self.settle) = (folder, settle)
    }

    /// Recordings in the folder right now (ready or not).
    private(set) var recordingsPresent = 0
    /// Symbolic links found by the last scan (paths), which are refused rather than followed.
    private(set) var links: [String] = []

    /// How deep subfolders are scanned.
    static let maxDepth = 8

    /// Lists the folder and returns the recordings that are ready and not yet reported.
    mutating func readyRecordings(now: Date = Date()) -> [InboxItem] {
        var current: [String: Observation] = [:]
        var found: [String] = [], links: [String] = []
        list(folder, depth: 0, files: &found, links: &links)
        for path in found {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            var observation = Observation(size: Int64(info.st_size), modified: modified, since: now)
            if let previous = observed[path], previous.size == observation.size, previous.modified == modified {
                (observation.since, observation.reported) = (previous.since, previous.reported)
            }
            current[path] = observation
        }
        observed = current
        self.links = links
        let recordings = found.filter { InboxItem.isRecordingName(($0 as NSString).lastPathComponent) }
        recordingsPresent = recordings.count
        return recordings.compactMap { path -> InboxItem? in
            guard current[path]?.reported == false else { return nil }
            let item = InboxItem(recording: path)
            let settled = item.files.allSatisfy { file in
                current[file].map { now.timeIntervalSince($0.since) >= settle } ?? false
            }
            return settled && !item.files.contains(where: Self.isOpenForWriting) ? item : nil
        }
    }

    /// Regular files (and symbolic links, apart) under `folder`, sorted, hidden names skipped.
    private func list(_ folder: String, depth: Int, files: inout [String], links: inout [String]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: files.append(path)
            case S_IFLNK: links.append(path)
            case S_IFDIR where depth < Self.maxDepth: list(path, depth: depth + 1, files: &files, links: &links)
            default: continue
            }
        }
    }

    /// Whether some process has `path` open for writing: a read lease (`F_SETLEASE`) is refused exactly
    /// then. Where leases are not available (another owner's file, a network file system) the settle time
    /// alone decides.
    static func isOpenForWriting(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let setLease: Int32 = 1024, readLock: Int32 = 0, unlock: Int32 = 2  // F_SETLEASE, F_RDLCK, F_UNLCK
        guard fcntl(descriptor, setLease, readLock) == 0 else { return errno == EAGAIN }
        _ = fcntl(descriptor, setLease, unlock)
        return false
    }

    /// Stops returning `items` until their recordings change.
    mutating func markReported(_ items: [InboxItem]) {
        for item in items { observed[item.recording]?.reported = true }
    }
}
