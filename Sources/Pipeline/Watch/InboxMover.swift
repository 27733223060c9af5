import Checkpoints
import Foundation

/// Moves an inbox item out of the watched folder without ever overwriting or deleting a file: each file
/// is hard-linked under its new name (which fails if the name is taken) and only then unlinked from the
/// inbox. Taken names get a counter: `show.wav` → `show~2.wav`, with `show~2.events.csv` beside it.
enum InboxMover {
    /// Moves the item's files into `folder`; returns the recording's new path.
    static func move(_ item: InboxItem, to folder: String) throws(PipelineError) -> String {
        try Workspace.createFolder(folder)
        for attempt in 1...10_000 {
            let targets = item.files.map {
                folder + "/" + renamed(($0 as NSString).lastPathComponent, attempt: attempt)
            }
            guard
                !targets.contains(where: {
                    FileManager.default.fileExists(atPath: $0)
                        || FileManager.default.fileExists(atPath: $0 + reasonSuffix)
                })
            else { continue }
            var linked: [String] = []
            for (source, target) in zip(item.files, targets) {
                if link(source, target) == 0 {
                    linked.append(target)
                    continue
                }
                let failure = errno
                for made in linked { unlink(made) }  // the inbox still holds every original
                if failure == EEXIST { break }  // another watcher took the name just now: try the next one
                throw .io(path: source, detail: "cannot move to \(folder) (\(String(cString: strerror(failure))))")
            }
            guard linked.count == targets.count else { continue }
            for file in item.files { unlink(file) }
            AtomicFile.syncFolder(of: targets[0])
            AtomicFile.syncFolder(of: item.recording)
            return targets[0]
        }
        throw .io(path: item.recording, detail: "no free name for it in \(folder)")
    }

    /// Moves the item's files into `folder` and writes `<recording>.reason.txt` beside it: `reason` on
    /// one line.
    static func reject(_ item: InboxItem, to folder: String, reason: String) throws(PipelineError) {
        let moved = try move(item, to: folder)
        let line = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
        try AtomicFile.write(Data((line + "\n").utf8), to: moved + reasonSuffix)
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
