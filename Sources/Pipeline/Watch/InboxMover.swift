import Checkpoints
import Foundation

/// Moves an inbox item out of the watched folder without ever overwriting or deleting a file: each file
/// is hard-linked under its new name (which fails if the name is taken) and only then unlinked from the
/// inbox. Taken names get a counter: `show.wav` → `show~2.wav`, with `show~2.events.csv` beside it.
///
/// Two processes may move the same item at once (feeders sharing an inbox): a name that already holds the
/// very same file (the same inode) was linked there by the other one and counts as moved, so both end with
/// the same paths and no second copy; once the other has unlinked the recording, the item is its alone.
enum InboxMover {
    /// Moves the item's files into `folder`; returns the recording's new path.
    static func move(_ item: InboxItem, to folder: String) throws(PipelineError) -> String {
        guard let moved = try moveUnlessGone(item, to: folder) else {
            throw .io(path: item.recording, detail: "it left the folder while it was being moved")
        }
        return moved
    }

    /// Moves the item's files into `folder` and returns the recording's new path; nil when the recording
    /// left the folder first (another process moved it).
    static func moveUnlessGone(_ item: InboxItem, to folder: String) throws(PipelineError) -> String? {
        try Workspace.createFolder(folder)
        for attempt in 1...10_000 {
            let moves = item.files.map { source in
                (
                    source: source,
                    target: folder + "/" + renamed((source as NSString).lastPathComponent, attempt: attempt)
                )
            }
            let free = !moves.contains {
                isTaken($0.target, byOtherThan: $0.source)
                    || FileManager.default.fileExists(atPath: $0.target + reasonSuffix)
            }
            guard free else { continue }
            switch try linkAll(moves, recording: item.recording, into: folder) {
            case .gone: return nil
            case .nameTaken: continue
            case .linked:
                for file in item.files { unlink(file) }  // one may be gone already: the other mover's unlink
                AtomicFile.syncFolder(of: moves[0].target)
                AtomicFile.syncFolder(of: item.recording)
                return moves[0].target
            }
        }
        throw .io(path: item.recording, detail: "no free name for it in \(folder)")
    }

    /// How linking an item's files under one set of names went.
    private enum LinkOutcome {
        /// Every file is there now (linked by this process or by another mover of the same item).
        case linked
        /// The recording left the folder: another process moved it.
        case gone
        /// Another file took one of the names just now; the links made were undone.
        case nameTaken
    }

    /// Links each source at its target. On failure, undoes only the links this call made: the inbox still
    /// holds every original.
    private static func linkAll(
        _ moves: [(source: String, target: String)], recording: String, into folder: String
    ) throws(PipelineError) -> LinkOutcome {
        var linked: [String] = []
        for (source, target) in moves {
            if link(source, target) == 0 {
                linked.append(target)
                continue
            }
            let failure = errno
            if failure == ENOENT, source == recording { return .gone }  // nothing linked yet: it comes first
            if FileManager.default.fileExists(atPath: target), !isTaken(target, byOtherThan: source) { continue }
            for made in linked { unlink(made) }
            if failure == EEXIST { return .nameTaken }
            throw .io(path: source, detail: "cannot move to \(folder) (\(String(cString: strerror(failure))))")
        }
        return .linked
    }

    /// Whether `target` holds a file other than `source`. Not when it is `source` itself (a hard link to the
    /// same inode), nor when `source` is gone: another mover of the item linked it there, then unlinked it.
    private static func isTaken(_ target: String, byOtherThan source: String) -> Bool {
        var targetInfo = stat(), sourceInfo = stat()
        guard lstat(target, &targetInfo) == 0, lstat(source, &sourceInfo) == 0 else { return false }
        return targetInfo.st_dev != sourceInfo.st_dev || targetInfo.st_ino != sourceInfo.st_ino
    }

    /// Moves the item's files into `folder` and writes `<recording>.reason.txt` beside it: `reason` on
    /// one line.
    static func reject(_ item: InboxItem, to folder: String, reason: String) throws(PipelineError) {
        try writeReason(reason, beside: try move(item, to: folder))
    }

    /// Moves a symbolic link found in the inbox to `folder` with its reason, without following it (a link
    /// could point anywhere on the system, `/etc/passwd`; the watcher reads only files dropped in), and
    /// logs what it did. Nothing is logged when another process moved the link first.
    static func refuseLink(_ path: String, to folder: String, log: (String) -> Void) {
        let name = (path as NSString).lastPathComponent
        do {
            guard let moved = try moveUnlessGone(InboxItem(link: path), to: folder) else { return }
            let reason = "\(name): a symbolic link; the watcher does not follow links: drop or copy the file itself"
            try writeReason(reason, beside: moved)
            log("\(name): rejected: \(reason)")
        } catch {
            log("\(name): cannot move to rejected/: \(error)")
        }
    }

    /// Writes `<file>.reason.txt`: `reason` on one line.
    private static func writeReason(_ reason: String, beside file: String) throws(PipelineError) {
        let line = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
        try AtomicFile.write(Data((line + "\n").utf8), to: file + reasonSuffix)
    }

    /// Suffix of the file that says why a recording was rejected.
    static let reasonSuffix = ".reason.txt"

    /// `name` with `~attempt` before its extensions (companion suffixes count as one extension).
    static func renamed(_ name: String, attempt: Int) -> String {
        guard attempt > 1 else { return name }
        let suffix =
            UserInputKind.companion(named: name)?.suffix
            ?? ((name as NSString).pathExtension.isEmpty ? "" : "." + (name as NSString).pathExtension)
        return String(name.dropLast(suffix.count)) + "~\(attempt)" + String(name.suffix(suffix.count))
    }
}
