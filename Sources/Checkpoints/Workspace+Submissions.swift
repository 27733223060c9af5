import Foundation

/// Recordings submitted to a shared job queue (`liveinsight submit`) wait in the workspace itself, so every
/// worker on every machine that mounts it finds them:
///
/// ```
/// <root>/submitted/<id>/<recording>      and its companions, id = the first 16 hex digits of its SHA-256
/// ```
///
/// The queue and the catalog keep their paths relative to the root, since each machine mounts the workspace where
/// it likes.
extension Workspace {
    /// Parent of the submitted recordings' folders.
    public var submitted: String { root + "/submitted" }

    /// The folder of a submitted recording with content hash `sha256` and its companions.
    public func submissionFolder(recordingHash sha256: String) -> String { submitted + "/" + sha256.prefix(16) }

    /// `path` relative to the root when it lies inside the workspace, else nil.
    public func relativePath(of path: String) -> String? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let base = URL(fileURLWithPath: root).resolvingSymlinksInPath().path + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : nil
    }

    /// `path` as the queue and the catalog keep it: relative to the root when it lies inside the workspace (so
    /// every machine finds it under its own mount), else as given. `absolutePath(of:)` turns it back.
    public func sharedPath(of path: String) -> String { relativePath(of: path) ?? path }

    /// `path` as this machine reaches it: a path relative to the root (as the queue and the catalog keep the
    /// files inside the workspace) is taken from the root; an absolute path is returned as it is.
    public func absolutePath(of path: String) -> String { path.hasPrefix("/") ? path : root + "/" + path }

    /// Makes `file` (the recording with content hash `sha256`, or one of its companions) reachable from the
    /// workspace and returns its path relative to the root: a file already inside the workspace stays where it
    /// is; any other is copied into `submitted/<id>/` under a temporary name and renamed into place, so a
    /// worker never sees half of it. A copy already there (the same recording submitted again) is kept.
    public func submit(_ file: String, recordingHash sha256: String) throws(PipelineError) -> String {
        if let inside = relativePath(of: file) { return inside }
        let folder = submissionFolder(recordingHash: sha256)
        let target = folder + "/" + (file as NSString).lastPathComponent
        try Self.createFolder(folder)
        guard !FileManager.default.fileExists(atPath: target) else { return String(target.dropFirst(root.count + 1)) }
        let temporary = target + AtomicFile.temporaryMarker + UUID().uuidString
        do {
            try FileManager.default.copyItem(atPath: file, toPath: temporary)
            guard rename(temporary, target) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .io(path: file, detail: "cannot copy it into \(folder) (\(error.localizedDescription))")
        }
        return String(target.dropFirst(root.count + 1))
    }

    /// Removes the copies among `staged` (paths `submit` returned for the recording with content hash `sha256`) that
    /// `kept` does not name, when they lie in its `submitted/<id>/` folder: a recording that was already queued
    /// under another name leaves no second copy of its bytes there. Files outside that folder stay.
    public func withdraw(_ staged: [String], keeping kept: Set<String>, recordingHash sha256: String) {
        let folder = submissionFolder(recordingHash: sha256) + "/"
        for path in Set(staged).subtracting(kept) where absolutePath(of: path).hasPrefix(folder) {
            unlink(absolutePath(of: path))
        }
    }
}
