import Catalog
import Checkpoints
import Foundation

/// One broadcast as `liveinsight status` shows it: the catalog's record, each stage's state from the
/// broadcast's manifest, and its latest job. The record's fields read as the status's own (`status.name`)
/// and are encoded beside the others, in one flat JSON object.
@dynamicMemberLookup
public struct BroadcastStatus: Codable, Sendable, Equatable {
    /// One stage's state.
    public struct StageState: Codable, Sendable, Equatable {
        /// What the manifest says, plus two states it cannot say itself.
        public enum Status: String, Codable, Sendable {
            /// Never started on this broadcast.
            case pending
            /// Started, and a process holds the broadcast now.
            case running
            /// Started, but no process holds the broadcast: the run was killed; rerun to resume.
            case interrupted
            case done
            case failed
        }

        /// Stage name.
        public var name: String
        /// Its state.
        public var status: Status
        /// Cache key it last ran under.
        public var key: String?
        /// Seconds it took.
        public var seconds: Double?
        /// When it ended.
        public var finished: Date?
        /// The one-line error, when failed.
        public var error: String?
    }

    /// The job that last handled the broadcast.
    public struct JobState: Codable, Sendable, Equatable {
        /// Job id.
        public var id: Int64
        /// The file the job processed.
        public var file: String
        /// Its state.
        public var status: JobStatus
        /// "processed" or "duplicate", when done.
        public var outcome: String?
        /// The one-line error, when failed.
        public var error: String?
    }

    /// The catalog's record: id, name, where the recording was last seen, size, length, when first seen.
    public var broadcast: BroadcastRecord
    /// The broadcast's checkpoint folder.
    public var folder: String
    /// Every stage of the graph, in order.
    public var stages: [StageState]
    /// The job that last handled it, if any.
    public var lastJob: JobState?

    /// The status of every broadcast in the catalog, oldest first.
    public static func all(
        workspace: Workspace, catalog: Catalog, graph: StageGraph
    ) throws(PipelineError) -> [BroadcastStatus] {
        let jobs = try catalog.jobs()
        return try catalog.broadcasts().map { broadcast throws(PipelineError) in
            let folder = workspace.broadcastFolder(broadcast.id)
            let manifest = try Manifest.load(folder: folder)
            let held = FileLock.isHeld(path: folder + "/" + CheckpointFile.lockFile)
            let stages = graph.stages.map { stage in
                guard let entry = manifest?.stages[stage.name] else {
                    return StageState(name: stage.name, status: .pending)
                }
                let status: StageState.Status =
                    switch entry.status {
                    case .done: .done
                    case .failed: .failed
                    case .running: held ? .running : .interrupted
                    }
                return StageState(
                    name: stage.name, status: status, key: entry.key, seconds: entry.seconds,
                    finished: entry.finished, error: entry.error)
            }
            let job = jobs.last { $0.broadcastId == broadcast.id }.map {
                JobState(id: $0.id ?? 0, file: $0.file, status: $0.status, outcome: $0.outcome, error: $0.error)
            }
            return BroadcastStatus(broadcast: broadcast, folder: folder, stages: stages, lastJob: job)
        }
    }

    /// A field of the catalog's record.
    public subscript<Value>(dynamicMember field: KeyPath<BroadcastRecord, Value>) -> Value { broadcast[keyPath: field] }

    private enum CodingKeys: String, CodingKey { case folder, stages, lastJob }

    public init(broadcast: BroadcastRecord, folder: String, stages: [StageState], lastJob: JobState?) {
        (self.broadcast, self.folder, self.stages, self.lastJob) = (broadcast, folder, stages, lastJob)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        broadcast = try BroadcastRecord(from: decoder)
        folder = try container.decode(String.self, forKey: .folder)
        stages = try container.decode([StageState].self, forKey: .stages)
        lastJob = try container.decodeIfPresent(JobState.self, forKey: .lastJob)
    }

    /// The record's fields and the status's own, side by side.
    public func encode(to encoder: any Encoder) throws {
        try broadcast.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(folder, forKey: .folder)
        try container.encode(stages, forKey: .stages)
        try container.encodeIfPresent(lastJob, forKey: .lastJob)
    }
}
