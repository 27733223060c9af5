import Catalog
import Checkpoints
import Report

extension WorkspaceStore {
    /// The dashboard's store for the workspace at `root`, its stages listed in the pipeline's order
    /// (`WorkspaceStore.open(root:stageOrder:)`).
    public static func open(root: String) throws(PipelineError) -> WorkspaceStore {
        try open(root: root, stageOrder: StageGraph.standardStages.map(\.name))
    }
}
