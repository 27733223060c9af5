import Checkpoints
import Foundation

/// What the pipeline should process: a recording and the user files that go with it.
public struct RunRequest: Sendable, Equatable {
    /// The recording, as an absolute path.
    public var recording: String
    /// User files given with it this time, as absolute paths; each replaces the broadcast's earlier copy of that kind.
    public var inputs: [UserInputKind: String]

    /// Relative paths are made absolute against the current folder: the catalog keeps the recording's path
    /// for the dashboard's audio player, which must find it from wherever the server is started.
    public init(recording: String, inputs: [UserInputKind: String] = [:]) {
        (self.recording, self.inputs) = (Self.absolute(recording), inputs.mapValues(Self.absolute))
    }

    /// `path` made absolute against the current folder, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// What happened to one stage in a run.
public struct StageOutcome: Codable, Sendable, Equatable {
    /// How the stage was handled.
    public enum Status: String, Codable, Sendable {
        /// It ran and wrote its outputs.
        case ran
        /// Its outputs were up to date under the same key, and verified.
        case reused
        /// It could not run: a required user input (or a stage it reads) is missing; `note` says which.
        case waiting
    }

    /// Stage name.
    public var stage: String
    /// How it was handled.
    public var status: Status
    /// Cache key (absent when waiting).
    public var key: String?
    /// Seconds it took (when it ran).
    public var seconds: Double?
    /// Absolute paths of its outputs (when ran or reused).
    public var outputs: [String]
    /// Why it waits, when waiting.
    public var note: String?
}

/// What a run did to a broadcast.
public struct RunSummary: Codable, Sendable, Equatable {
    /// Broadcast id.
    public var broadcast: String
    /// Its checkpoint folder.
    public var folder: String
    /// The recording's file name.
    public var name: String
    /// Every stage of the graph, in order.
    public var stages: [StageOutcome]

    /// True when no stage ran: the recording (with these inputs) had been processed before.
    public var reusedEverything: Bool { !stages.contains { $0.status == .ran } }
}
