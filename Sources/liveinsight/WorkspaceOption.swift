import ArgumentParser
import Checkpoints

/// `--workspace DIR`, the one way every command names its workspace.
struct WorkspaceOption: ParsableArguments {
    @Option(help: "The workspace folder (default: $LIVEINSIGHT_WORKSPACE, else ./liveinsight-workspace).")
    var workspace: String?

    /// The chosen workspace.
    var resolved: Workspace { Workspace(root: workspace ?? Workspace.defaultRoot()) }

    /// The chosen workspace, for `watch` and `serve`, which once took it as an argument: a folder given
    /// that way still works, with a note on standard error, and may not be combined with `--workspace`.
    func resolved(deprecatedArgument folder: String?, command: String) throws -> Workspace {
        guard let folder else { return resolved }
        if let workspace {
            throw ValidationError("give the workspace once: --workspace \(workspace) or the folder argument \(folder)")
        }
        printToStandardError("note: `\(command) FOLDER` is deprecated; use `\(command) --workspace \(folder)`")
        return Workspace(root: folder)
    }
}
