import Checkpoints
import Foundation
import Insight

/// The dashboard's `BroadcastStore` over a workspace: the broadcasts its `listing` names, each read from
/// its checkpoint folder (`BroadcastFolder`). A workspace the pipeline made is listed from its catalog
/// (`Catalog.CatalogListing`); copied checkpoints and hand-made fixtures from their folders alone
/// (`FolderListing`, the default). A title and start time in a broadcast's metadata win over the listing's.
public struct WorkspaceStore: BroadcastStore {
    /// The workspace folder.
    public let root: String
    /// What lists the broadcasts.
    public let listing: any BroadcastListing
    /// Alignment reports decoded by earlier requests, kept while their files are unchanged.
    private let reports = ReportCache()

    /// Creates a store over the workspace at `root`, listed by `listing`.
    public init(root: String, listing: any BroadcastListing = FolderListing()) {
        (self.root, self.listing) = (root, listing)
    }

    public func entries() throws(ReportError) -> [BroadcastEntry] {
        try listing.entries(workspace: root)
            .sorted { ($0.date ?? .distantPast, $0.id) > ($1.date ?? .distantPast, $1.id) }
    }

    public func broadcast(id: String) throws(ReportError) -> Broadcast {
        let folder = try BroadcastFolder(workspace: root, id: id)
        try listing.requireListed(folder)
        let report = try reports.requiredReport(folder)
        return try folder.broadcast(entry: try listing.entry(folder, headline: report.headline), report: report)
    }

    /// Every listed broadcast with a readable alignment (one that cannot be read is left out), each report decoded
    /// only when its file changed since the last request.
    public func alignedBroadcasts() throws(ReportError) -> [Broadcast] {
        let listed = try entries().compactMap { entry in
            (try? BroadcastFolder(workspace: root, id: entry.id)).map { (entry, $0) }
        }
        reports.retain(listed.map(\.1))
        return listed.compactMap { entry, folder in
            guard let report = (try? reports.report(folder)) ?? nil else { return nil }
            return Broadcast(entry: entry, report: report, transcript: nil, reviews: nil)
        }
    }

    public func recording(id: String) throws(ReportError) -> RecordingFile {
        let folder = try BroadcastFolder(workspace: root, id: id)
        return try folder.recording(candidates: try listing.recordingCandidates(folder))
    }
}

/// What a `WorkspaceStore` lists: which broadcasts a workspace holds and how the list shows each.
public protocol BroadcastListing: Sendable {
    /// The list entry of every broadcast of the workspace at `workspace`, in any order.
    func entries(workspace: String) throws(ReportError) -> [BroadcastEntry]
    /// `.unknownBroadcast` when `folder` is not one of the listed broadcasts.
    func requireListed(_ folder: BroadcastFolder) throws(ReportError)
    /// The list entry of the broadcast in `folder`, whose headline figures are `headline`.
    func entry(_ folder: BroadcastFolder, headline: HeadlineFigures?) throws(ReportError) -> BroadcastEntry
    /// Paths where the broadcast's recording may be, besides its folder (`BroadcastFolder.recording`): absolute,
    /// or relative to the workspace.
    func recordingCandidates(_ folder: BroadcastFolder) throws(ReportError) -> [String]
}

/// Lists every folder under `<workspace>/broadcasts/` from its manifest (stages), metadata (title, start)
/// and headline figures (length). The recording is `recording.<ext>` in the folder or
/// `<workspace>/processed/<manifest name>`.
public struct FolderListing: BroadcastListing {
    public init() {}

    public func entries(workspace: String) throws(ReportError) -> [BroadcastEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Workspace(root: workspace).broadcasts)) ?? []
        return names.compactMap { try? BroadcastFolder(workspace: workspace, id: $0) }
            .map { entry($0, headline: $0.headline()) }
    }

    /// Every folder is listed.
    public func requireListed(_ folder: BroadcastFolder) {}

    public func entry(_ folder: BroadcastFolder, headline: HeadlineFigures?) -> BroadcastEntry {
        let manifest = folder.manifest()
        let metadata = folder.metadata()
        let stages = (manifest?.stages ?? [:]).map { StageState(name: $0.key, status: $0.value.status.rawValue) }
            .sorted { $0.name < $1.name }
        return BroadcastEntry(
            id: folder.id, title: metadata?.title ?? manifest?.name ?? folder.id,
            date: metadata?.start ?? manifest?.stages.values.map(\.started).min(),
            duration: headline?.duration, stages: stages, summary: headline?.summary,
            mentions: headline?.mentions)
    }

    public func recordingCandidates(_ folder: BroadcastFolder) -> [String] {
        guard let name = folder.manifest()?.name, BroadcastFolder.isPlainName(name) else { return [] }
        return [Workspace(root: folder.workspace).processed + "/" + name]
    }
}
