import Checkpoints
import Insight
import Synchronization

/// Alignment reports decoded once and kept while their file is unchanged (the same `FileIdentity`): the pages
/// across shows read every broadcast's `alignment.json` on each request, and decoding a 2-hour show's takes tens of
/// milliseconds. The alignment stage replaces the file atomically, so a re-alignment is a new identity.
final class ReportCache: Sendable {
    private let kept = Mutex<[String: (identity: FileIdentity, report: InsightReport)]>([:])

    /// The alignment report in `folder`, decoded only when its file is not the one decoded before; nil until the
    /// alignment stage has run.
    func report(_ folder: BroadcastFolder) throws(ReportError) -> InsightReport? {
        let path = folder.path + "/" + CheckpointFile.alignment.name
        guard let identity = FileIdentity(path: path) else {
            kept.withLock { _ = $0.removeValue(forKey: path) }
            return nil
        }
        if let known = kept.withLock({ $0[path] }), known.identity == identity { return known.report }
        guard let report = try folder.report() else { return nil }
        // Kept under the identity seen before decoding: a write during the decode changes it, so the next call
        // decodes again.
        kept.withLock { $0[path] = (identity, report) }
        return report
    }

    /// The alignment report in `folder`, as `report(_:)`; `.unreadable` until the alignment stage has run.
    func requiredReport(_ folder: BroadcastFolder) throws(ReportError) -> InsightReport {
        guard let report = try report(folder) else { return try folder.requiredReport() }  // throws: no alignment
        return report
    }

    /// Forgets the reports of every folder but `folders` (broadcasts no longer listed).
    func retain(_ folders: [BroadcastFolder]) {
        let paths = Set(folders.map { $0.path + "/" + CheckpointFile.alignment.name })
        kept.withLock { reports in reports = reports.filter { paths.contains($0.key) } }
    }
}
