/// Why a workspace step failed: a checkpoint, the catalog or a stage. One error for the three layers of a
/// workspace (`Checkpoints`, `Catalog`, `Pipeline`), so a failure deep in a checkpoint reaches the user unchanged.
///
/// Every case names the stage or file and says what to do, in one line, so the CLI can print it and
/// the watched-folder daemon can store it unchanged as a rejection reason.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stage failed on a broadcast; `detail` is the underlying one-line error (which names the file).
    case stageFailed(stage: String, broadcast: String, detail: String)
    /// A workspace file or folder could not be created, read, written, moved or locked.
    case io(path: String, detail: String)
    /// A checkpoint exists but is damaged or of another format.
    case corruptCheckpoint(path: String, detail: String)
    /// A file the user brought (keyword list, CSV) is unusable.
    case badInput(path: String, detail: String)
    /// The catalog database failed.
    case catalog(path: String, detail: String)
    /// The stage list is inconsistent (duplicate names, unknown or later dependencies).
    case invalidGraph(String)
    /// The model file cannot be used; `detail` names it and the problem.
    case modelUnusable(detail: String)
    /// No broadcast with this id has checkpoints in the workspace.
    case unknownBroadcast(id: String, workspace: String)
    /// A checkpoint a partial rerun reads is not current (not done, damaged, or made with another model);
    /// only a full run on the recording can redo it.
    case outdatedCheckpoint(broadcast: String, stage: String, detail: String)
    /// The run was asked to stop (SIGINT/SIGTERM) before the next stage; finished stages are kept.
    case cancelled

    public var description: String {
        switch self {
        case .stageFailed(let stage, let broadcast, let detail):
            "stage \(stage) of broadcast \(broadcast) failed: \(detail)"
        case .io(let path, let detail):
            "\(path): \(detail)"
        case .corruptCheckpoint(let path, let detail):
            "\(path): damaged checkpoint (\(detail)); delete it and run again to rebuild it"
        case .badInput(let path, let detail):
            "\(path): \(detail)"
        case .catalog(let path, let detail):
            "\(path): catalog database error (\(detail)); check the workspace is writable and not on a network share"
        case .invalidGraph(let detail):
            "invalid stage graph: \(detail)"
        case .modelUnusable(let detail):
            detail
        case .unknownBroadcast(let id, let workspace):
            "no broadcast '\(id)' in workspace \(workspace); `liveinsight status --workspace \(workspace)` lists them"
        case .outdatedCheckpoint(let broadcast, let stage, let detail):
            "broadcast \(broadcast): the \(stage) checkpoint is not current (\(detail)); run `liveinsight run` on its "
                + "recording to redo it"
        case .cancelled:
            "stopped on request before the next stage; run again to resume (finished stages are kept)"
        }
    }
}
