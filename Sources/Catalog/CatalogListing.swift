import Checkpoints
import Foundation
import Insight
import Report

/// The dashboard's list of a workspace the pipeline made (`Report.WorkspaceStore(root:listing:)`), from
/// its catalog alone: the broadcast rows (name, length, when first seen), each stage's latest run, the
/// validation figures and the alignment's summary rows (title, start, headline figures), so listing many shows
/// decodes no checkpoint. A broadcast aligned without a summary row under its latest alignment key (a catalog made
/// before the rows were kept) gets one from its `alignment.json` the first time it is listed.
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
        let runs = try fromCatalog { () throws(PipelineError) in try catalog.latestStageStates() }
        let validations = try fromCatalog { () throws(PipelineError) in try catalog.validationResults() }
        let summaries = try fromCatalog { () throws(PipelineError) in try catalog.broadcastSummaries() }
        let runsByBroadcast = Dictionary(grouping: runs, by: { (run: LatestStageRun) in run.broadcastId })
        var figures: [String: ValidationFigures] = [:]
        for validation in validations { figures[validation.broadcastId] = validation.figures }
        var rows: [String: BroadcastSummaryRecord] = [:]
        for summary in summaries { rows[summary.broadcastId] = summary }
        return broadcasts.map { (record: BroadcastRecord) -> BroadcastEntry in
            let runs = runsByBroadcast[record.id] ?? []
            let validation = figures[record.id]
            if let row = current(rows[record.id], broadcast: record.id, runs: runs, root: root),
                let summary = row.summary
            {
                let headline = HeadlineFigures(duration: row.duration, summary: summary, mentions: row.mentions)
                return entry(
                    record, title: row.title, start: row.start, headline: headline, runs: runs,
                    validation: validation)
            }
            // Not aligned yet: the title and start from the metadata, as the dashboard shows them.
            let metadata = (try? BroadcastFolder(workspace: root, id: record.id))?.metadata()
            return entry(
                record, title: metadata?.title, start: metadata?.start, headline: nil, runs: runs,
                validation: validation)
        }
    }

    /// The broadcast's summary row as of its latest alignment run: `row` when it was written under that run's key
    /// (or the alignment is running or failed: then the last good one), else one made now from the folder's
    /// `alignment.json` and stored (a catalog it cannot write to still lists it, reading the checkpoint each
    /// time); nil when the broadcast has no alignment.
    private func current(
        _ row: BroadcastSummaryRecord?, broadcast id: String, runs: [LatestStageRun],
        root: String
    ) -> BroadcastSummaryRecord? {
        guard let aligned = runs.last(where: { $0.stage == BroadcastSummaryRecord.stage }),
            aligned.status == .done || aligned.status == .reused,
            row?.key != aligned.key || row?.summary == nil
        else { return row }
        guard let folder = try? BroadcastFolder(workspace: root, id: id), let report = (try? folder.report()) ?? nil
        else { return row }
        let fresh = BroadcastSummaryRecord(report: report, metadata: folder.metadata(), broadcast: id, key: aligned.key)
        try? catalog.recordSummary(fresh)
        return fresh
    }

    public func requireListed(_ folder: BroadcastFolder) throws(ReportError) { _ = try known(folder.id) }

    public func entry(_ folder: BroadcastFolder, headline: HeadlineFigures?) throws(ReportError) -> BroadcastEntry {
        let record = try known(folder.id)
        let runs = try fromCatalog { () throws(PipelineError) in try catalog.latestStageStates(broadcast: folder.id) }
        let validation = try fromCatalog { () throws(PipelineError) in
            try catalog.validationResults(broadcast: folder.id).first?.figures
        }
        let metadata = folder.metadata()
        return entry(
            record, title: metadata?.title, start: metadata?.start, headline: headline, runs: runs,
            validation: validation)
    }

    public func recordingCandidates(_ folder: BroadcastFolder) throws(ReportError) -> [String] {
        [try known(folder.id).sourcePath]
    }

    /// The list entry of one catalog row, titled and dated by the metadata's `title` and `start` when given.
    private func entry(
        _ record: BroadcastRecord, title: String?, start: Date?, headline: HeadlineFigures?,
        runs: [LatestStageRun], validation: ValidationFigures?
    ) -> BroadcastEntry {
        let lock = workspace.broadcastFolder(record.id) + "/" + CheckpointFile.lockFile
        let latest = Dictionary(runs.map { ($0.stage, $0) }, uniquingKeysWith: { _, last in last })
        let stages = latest.values.sorted { rank($0.stage) < rank($1.stage) }.map { run in
            StageState(name: run.stage, status: Self.status(of: run, lock: lock))
        }
        return BroadcastEntry(
            id: record.id, title: title ?? record.name, date: start ?? record.created,
            duration: record.duration ?? headline?.duration, stages: stages, summary: headline?.summary,
            mentions: headline?.mentions, validation: validation)
    }

    /// What the list says of a stage's latest run: a reuse is done; a run still marked running whose
    /// broadcast no process holds was interrupted (its process died).
    private static func status(of run: LatestStageRun, lock: String) -> String {
        switch run.status {
        case .done, .reused: "done"
        case .failed: "failed"
        case .running: FileLock.isHeld(path: lock) ? "running" : "interrupted"
        }
    }

    /// A stage's place in the list (unknown stages last, by name).
    private func rank(_ stage: String) -> (Int, String) {
        (stageOrder.firstIndex(of: stage) ?? stageOrder.count, stage)
    }

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
    /// The store for the workspace at `root`: listed from its own SQLite catalog when it has one (opened, and
    /// migrated when older), else from its folders alone. `stageOrder` orders each broadcast's stages in the list.
    public static func open(root: String, stageOrder: [String]) throws(PipelineError) -> WorkspaceStore {
        let location = CatalogLocation.sqlite(Workspace(root: root).catalogPath)
        let catalog = location.mayExist ? try Catalog(location) : nil
        return try open(root: root, catalog: catalog, stageOrder: stageOrder)
    }

    /// The store for the workspace at `root`: listed from `catalog` when given, else from its folders alone.
    /// A missing path or one that is not a folder is refused rather than served as an empty dashboard.
    public static func open(
        root: String, catalog: Catalog?, stageOrder: [String]
    ) throws(PipelineError) -> WorkspaceStore {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
            throw .io(path: root, detail: "no such workspace folder; give the folder `liveinsight run` wrote into")
        }
        guard isFolder.boolValue else {
            throw .io(
                path: root,
                detail: "not a folder; give a workspace folder (it holds catalog.sqlite and broadcasts/)")
        }
        let workspace = Workspace(root: root)
        guard let catalog else { return WorkspaceStore(root: workspace.root) }
        return WorkspaceStore(
            root: workspace.root,
            listing: CatalogListing(workspace: workspace, catalog: catalog, stageOrder: stageOrder))
    }
}
