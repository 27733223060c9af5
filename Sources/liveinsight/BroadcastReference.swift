import Catalog
import Checkpoints
import Foundation
import Pipeline

/// A broadcast named on the command line (`report`, `align`): its folder, `<workspace>/broadcasts/<id>`
/// (the workspace is then the folder's grandparent), or its id in the `--workspace` workspace.
struct BroadcastReference {
    /// The workspace holding the broadcast.
    let workspace: Workspace
    /// The broadcast id.
    let id: String

    /// Reads `argument` as a broadcast folder when it contains a `/` and is a folder, else as an id in `workspace`.
    init(_ argument: String, workspace: Workspace) {
        var isFolder: ObjCBool = false
        if argument.contains("/"), FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder),
            isFolder.boolValue
        {
            let folder = URL(fileURLWithPath: argument).standardizedFileURL
            self.workspace = Workspace(root: folder.deletingLastPathComponent().deletingLastPathComponent().path)
            id = folder.lastPathComponent
        } else {
            (self.workspace, id) = (workspace, argument)
        }
    }
}
