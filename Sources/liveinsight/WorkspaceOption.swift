import ArgumentParser
import Catalog
import Checkpoints
import Foundation

/// `--workspace DIR`, the one way every command names its workspace.
struct WorkspaceOption: ParsableArguments {
    @Option(help: "The workspace folder (default: $LIVEINSIGHT_WORKSPACE, else ./liveinsight-workspace).")
    var workspace: String?

    /// The chosen workspace.
    var resolved: Workspace { Workspace(root: workspace ?? Workspace.defaultRoot()) }

    /// The chosen workspace's catalog, the folder created when missing (a first `users add`).
    func catalog() throws -> Catalog {
        let workspace = resolved
        try FileManager.default.createDirectory(atPath: workspace.root, withIntermediateDirectories: true)
        return try Catalog(path: workspace.catalogPath)
    }

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
