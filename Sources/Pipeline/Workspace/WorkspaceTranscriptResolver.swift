import Checkpoints
import Foundation
import Validation

/// Resolves `liveinsight validate --hyp <broadcast id>`: the id of a broadcast in a workspace names its
/// checkpointed transcript (`broadcasts/<id>/transcript.json`, written by the transcript stage).
public struct WorkspaceTranscriptResolver: TranscriptResolver {
    /// The workspace whose broadcasts it knows.
    public let workspace: Workspace

    /// A resolver over `workspace`.
    public init(workspace: Workspace) { self.workspace = workspace }

    public var searched: String {
        "the broadcasts of workspace \(workspace.root) (`liveinsight status --workspace \(workspace.root)` lists them)"
    }

    /// The broadcast's transcript; nil when `name` is no broadcast of the workspace; `.noTranscriptYet`
    /// when the transcript stage has not finished on it.
    public func transcript(named name: String) throws(TranscriptError) -> ItemizedTranscript? {
        guard let folder = try? workspace.existingBroadcastFolder(name) else { return nil }
        let manifest: Manifest?
        do { manifest = try Manifest.load(folder: folder) } catch {
            throw .unreadable(path: folder + "/" + Manifest.fileName, reason: error.description)
        }
        guard let entry = manifest?.stages[TranscriptStage().name] else {
            throw .noTranscriptYet(broadcast: name, reason: "the transcript stage has not run on it")
        }
        switch entry.status {
        case .running:
            throw .noTranscriptYet(broadcast: name, reason: "the transcript stage is running, or was interrupted")
        case .failed:
            throw .noTranscriptYet(
                broadcast: name, reason: "the transcript stage failed: \(entry.error ?? "no reason recorded")")
        case .done: break
        }
        let path = folder + "/" + CheckpointFile.transcript.name
        guard FileManager.default.fileExists(atPath: path) else {
            throw .noTranscriptYet(broadcast: name, reason: "\(path) is missing")
        }
        return try TranscriptLoader().load(path)
    }
}
