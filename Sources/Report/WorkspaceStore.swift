import Foundation
import Insight

/// A `BroadcastStore` over a workspace's folders alone, for workspaces without a catalog (copied checkpoints,
/// hand-made fixtures): every folder under `<root>/broadcasts/` is a broadcast, listed from its
/// `manifest.json` (stages), metadata (title, start) and `summary.json` (length, headline figures; else `alignment.json`). The
/// recording is `recording.<ext>` in the folder or `<root>/processed/<manifest name>`. A workspace the
/// pipeline made is listed from its catalog instead (`Pipeline.CatalogBroadcastStore`).
public struct WorkspaceStore: BroadcastStore {
    /// The workspace folder.
    public let root: String

    /// Creates a store over `root`.
    public init(root: String) { self.root = root }

    public func entries() throws(ReportError) -> [BroadcastEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/broadcasts")) ?? []
        return names.compactMap { try? BroadcastFolder(workspace: root, id: $0) }
            .map { entry($0, headline: $0.headline()) }
            .sorted { ($0.date ?? .distantPast, $0.id) > ($1.date ?? .distantPast, $1.id) }
    }

    public func broadcast(id: String) throws(ReportError) -> Broadcast {
        let folder = try BroadcastFolder(workspace: root, id: id)
        let report = try folder.requiredReport()
        return try folder.broadcast(entry: entry(folder, headline: report.headline), report: report)
    }

    public func recording(id: String) throws(ReportError) -> RecordingFile {
        let folder = try BroadcastFolder(workspace: root, id: id)
        let processed = folder.manifest()?.name.flatMap { BroadcastFolder.isPlainName($0) ? root + "/processed/" + $0 : nil }
        return try folder.recording(candidates: processed.map { [$0] } ?? [])
    }

    /// The list entry from the folder's manifest, metadata and headline figures.
    private func entry(_ folder: BroadcastFolder, headline: HeadlineFigures?) -> BroadcastEntry {
        let manifest = folder.manifest()
        let metadata = folder.metadata()
        let stages = (manifest?.stages ?? [:]).map { StageState(name: $0.key, status: $0.value.status) }
            .sorted { $0.name < $1.name }
        return BroadcastEntry(id: folder.id, title: metadata?.title ?? manifest?.name ?? folder.id,
                              date: metadata?.start ?? manifest?.stages.values.compactMap(\.started).min(),
                              duration: headline?.duration, stages: stages, summary: headline?.summary)
    }
}
