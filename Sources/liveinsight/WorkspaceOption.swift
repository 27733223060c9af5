import ArgumentParser
import Catalog
import Checkpoints
import Foundation

/// `--workspace DIR` and `--catalog`, the one way every command names its workspace and where its catalog lives.
struct WorkspaceOption: ParsableArguments {
    @Option(help: "The workspace folder (default: $LIVEINSIGHT_WORKSPACE, else ./liveinsight-workspace).")
    var workspace: String?

    @Option(
        help: ArgumentHelp(
            "The catalog: postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE, shared by the machines that mount the "
                + "workspace, or a SQLite file (default: $\(CatalogLocation.environmentVariable), else "
                + "catalog.sqlite in the workspace).",
            valueName: "url-or-file"))
    var catalog: String?

    /// The chosen workspace.
    var resolved: Workspace { Workspace(root: workspace ?? Workspace.defaultRoot()) }

    /// Where the catalog of `workspace` (default: the chosen one) lives.
    func catalogLocation(of workspace: Workspace? = nil) throws -> CatalogLocation {
        try CatalogLocation.of(workspace ?? resolved, given: catalog)
    }

    /// The chosen workspace's catalog, the folder created when missing (a first `users add`).
    func openCatalog() throws -> Catalog {
        let workspace = resolved
        try FileManager.default.createDirectory(atPath: workspace.root, withIntermediateDirectories: true)
        return try Catalog(try catalogLocation(of: workspace))
    }

    /// The catalog of `workspace`, or nil where nothing has been processed yet (no SQLite file); a database is
    /// always opened.
    func existingCatalog(of workspace: Workspace) throws -> Catalog? {
        let location = try catalogLocation(of: workspace)
        return location.mayExist ? try Catalog(location) : nil
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
