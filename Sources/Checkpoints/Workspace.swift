import Foundation

/// The folders and files of one workspace (see `Docs/pipeline.md`):
///
/// ```
/// <root>/inbox/                watched: producers drop recordings and their companions here
/// <root>/processed/            recordings (and companions) that went through the pipeline
/// <root>/rejected/             files that could not be processed, each with <file>.reason.txt
/// <root>/broadcasts/<id>/      checkpoints of one broadcast (`CheckpointFile` lists them)
/// <root>/catalog.sqlite        broadcasts, jobs, stage runs, keyword lists
/// ```
public struct Workspace: Sendable, Equatable {
    /// Environment variable naming the default workspace.
    public static let environmentVariable = "LIVEINSIGHT_WORKSPACE"
    /// Folder used when neither `--workspace` nor the environment variable names one.
    public static let fallbackFolder = "liveinsight-workspace"

    /// The workspace folder (absolute).
    public let root: String

    /// A workspace at `root` (relative paths are taken from the current directory). Nothing is created yet.
    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// `$LIVEINSIGHT_WORKSPACE` if set and non-empty, else `./liveinsight-workspace`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let root = environment[environmentVariable], !root.isEmpty { return root }
        return fallbackFolder
    }

    /// Where producers drop recordings.
    public var inbox: String { root + "/inbox" }
    /// Where finished recordings are moved.
    public var processed: String { root + "/processed" }
    /// Where failed recordings are moved, each with a `.reason.txt`.
    public var rejected: String { root + "/rejected" }
    /// Parent of every broadcast folder.
    public var broadcasts: String { root + "/" + Self.broadcastsFolder }
    /// Name of the folder holding the broadcast folders.
    public static let broadcastsFolder = "broadcasts"
    /// The SQLite catalog.
    public var catalogPath: String { root + "/catalog.sqlite" }

    /// The checkpoint folder of broadcast `id`.
    public func broadcastFolder(_ id: String) -> String { broadcasts + "/" + id }

    /// The checkpoint folder of broadcast `id`, which must hold a manifest (the pipeline has run on it);
    /// `.unknownBroadcast` otherwise, and for an id that is not a plain folder name.
    public func existingBroadcastFolder(_ id: String) throws(PipelineError) -> String {
        let folder = broadcastFolder(id)
        guard !id.isEmpty, !id.hasPrefix("."), !id.contains("/"),
            FileManager.default.fileExists(atPath: folder + "/" + Manifest.fileName)
        else {
            throw .unknownBroadcast(id: id, workspace: root)
        }
        return folder
    }

    /// Creates every folder of the layout that is missing.
    public func create() throws(PipelineError) {
        for folder in [root, inbox, processed, rejected, broadcasts] {
            try Self.createFolder(folder)
        }
    }

    /// Creates `folder` and its parents if missing.
    package static func createFolder(_ folder: String) throws(PipelineError) {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .io(path: folder, detail: "cannot create the folder (\(error.localizedDescription))")
        }
    }
}
