import Catalog
import Checkpoints
import Report

extension WorkspaceStore {
    /// The dashboard's store for the workspace at `root` and its own SQLite catalog, its stages listed in the
    /// pipeline's order (`WorkspaceStore.open(root:stageOrder:)`).
    public static func open(root: String) throws(PipelineError) -> WorkspaceStore {
        try open(root: root, stageOrder: StageGraph.standardStages.map(\.name))
    }

    /// The dashboard's store for the workspace at `root` listed from `catalog` (nil: from its folders), its stages
    /// in the pipeline's order.
    public static func open(root: String, catalog: Catalog?) throws(PipelineError) -> WorkspaceStore {
        try open(root: root, catalog: catalog, stageOrder: StageGraph.standardStages.map(\.name))
    }
}
