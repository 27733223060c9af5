import Catalog
import Checkpoints

/// A stage whose output holds figures the catalog keeps for the dashboard. The runner records them after
/// the stage runs, and after a reuse when the catalog holds none under the stage's key (a catalog made
/// before the figures were kept, or a broadcast folder copied in).
protocol CatalogFigures: Stage {
    /// The stage key the catalog's figures for `broadcast` were recorded under; nil when it has none.
    func recordedKey(broadcast: String, in catalog: Catalog) throws(PipelineError) -> String?
    /// Reads the stage's output in `context`'s folder and stores its figures under `key`.
    func recordFigures(_ context: StageContext, key: String, in catalog: Catalog) throws(PipelineError)
}
