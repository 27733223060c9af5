import Checkpoints
import Foundation
import Insight
import Report

/// The dashboard's list of a workspace the pipeline made (`Report.WorkspaceStore(root:listing:)`), from
/// its catalog: the broadcast rows (name, length, when first seen), each stage's latest run and the
/// validation figures; the headline figures and metadata come from each broadcast's folder.
public struct CatalogListing: BroadcastListing {
    /// The workspace.
    public let workspace: Workspace
    /// Its catalog.
    public let catalog: Catalog
    /// Stage names in the order the list shows them (the pipeline's order).
    public let stageOrder: [String]

    /// A listing of `workspace` from its opened `catalog`.
    public init(workspace: Workspace, catalog: Catalog, stageOrder: [String]) {
        (self.workspace, self.catalog, self.stageOrder) = (workspace, catalog, stageOrder)
    }

    public func entries(workspace root: String) throws(ReportError) -> [BroadcastEntry] {
        let broadcasts = try fromCatalog { () throws(PipelineError) in try catalog.broadcasts() }
        let runs = try fromCatalog { () throws(PipelineError) in try catalog.latestStageRuns() }
        let validations = try fromCatalog { () throws(PipelineError) in try catalog.validationResults() }
        let runsByBroadcast = Dictionary(grouping: runs, by: { (run: StageRunRecord) in run.broadcastId })
        var figures: [String: ValidationFigures] = [:]
        for validation in validations { figures[validation.broadcastId] = validation.figures }
        return broadcasts.map { (record: BroadcastRecord) -> BroadcastEntry in
            let folder = try? BroadcastFolder(workspace: root, id: record.id)
            return entry(record, folder: folder, headline: folder?.headline(), runs: runsByBroadcast[record.id] ?? [],
                         validation: figures[record.id])
        }
    }

    public func requireListed(_ folder: BroadcastFolder) throws(ReportError) { _ = try known(folder.id) }

    public func entry(_ folder: BroadcastFolder, headline: HeadlineFigures?) throws(ReportError) -> BroadcastEntry {
        let record = try known(folder.id)
        let runs = try fromCatalog { () throws(PipelineError) in try catalog.latestStageRuns(broadcast: folder.id) }
        let validation = try fromCatalog { () throws(PipelineError) in
            try catalog.validationResults(broadcast: folder.id).first?.figures
        }
        return entry(record, folder: folder, headline: headline, runs: runs, validation: validation)
    }

    public func recordingCandidates(_ folder: BroadcastFolder) throws(ReportError) -> [String] {
        [try known(folder.id).sourcePath]
    }

    /// The list entry of one catalog row.
    private func entry(_ record: BroadcastRecord, folder: BroadcastFolder?, headline: HeadlineFigures?, runs: [StageRunRecord],
                       validation: ValidationFigures?) -> BroadcastEntry {
        let metadata = folder?.metadata()
        let lock = workspace.broadcastFolder(record.id) + "/" + CheckpointFile.lockFile
        let latest = Dictionary(runs.map { ($0.stage, $0) }, uniquingKeysWith: { _, last in last })
        let stages = latest.values.sorted { rank($0.stage) < rank($1.stage) }.map { run in
            StageState(name: run.stage, status: Self.status(of: run, lock: lock))
        }
        return BroadcastEntry(id: record.id, title: metadata?.title ?? record.name, date: metadata?.start ?? record.created,
                              duration: record.duration ?? headline?.duration, stages: stages, summary: headline?.summary,
                              validation: validation)
    }

    /// What the list says of a stage's latest run: a reuse is done; a run still marked running whose
    /// broadcast no process holds was interrupted (its process died).
    private static func status(of run: StageRunRecord, lock: String) -> String {
        switch run.status {
        case .done, .reused: "done"
        case .failed: "failed"
        case .running: FileLock.isHeld(path: lock) ? "running" : "interrupted"
        }
    }

    /// A stage's place in the list (unknown stages last, by name).
    private func rank(_ stage: String) -> (Int, String) { (stageOrder.firstIndex(of: stage) ?? stageOrder.count, stage) }

    /// The catalog's row for `id`; `.unknownBroadcast` when it has none.
    private func known(_ id: String) throws(ReportError) -> BroadcastRecord {
        guard let record = try fromCatalog({ () throws(PipelineError) in try catalog.broadcast(id: id) }) else {
            throw .unknownBroadcast(id)
        }
        return record
    }

    /// Runs a catalog query, reporting its failure as an unreadable catalog.
    private func fromCatalog<T>(_ body: () throws(PipelineError) -> T) throws(ReportError) -> T {
        do { return try body() } catch { throw .unreadable(path: catalog.path, detail: error.description) }
    }
}

extension WorkspaceStore {
    /// The store for the workspace at `root`: listed from its catalog when it has one (opened, and migrated
    /// when older), else from its folders alone. `stageOrder` orders each broadcast's stages in the list.
    /// A missing path or one that is not a folder is refused rather than served as an empty dashboard.
    public static func open(root: String, stageOrder: [String]) throws(PipelineError) -> WorkspaceStore {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
            throw .io(path: root, detail: "no such workspace folder; give the folder `liveinsight run` wrote into")
        }
        guard isFolder.boolValue else {
            throw .io(path: root,
                      detail: "not a folder; give a workspace folder (it holds catalog.sqlite and broadcasts/)")
        }
        let workspace = Workspace(root: root)
        guard FileManager.default.fileExists(atPath: workspace.catalogPath) else {
            return WorkspaceStore(root: workspace.root)
        }
        let catalog = try Catalog(path: workspace.catalogPath)
        return WorkspaceStore(root: workspace.root,
                              listing: CatalogListing(workspace: workspace, catalog: catalog, stageOrder: stageOrder))
    }
}
