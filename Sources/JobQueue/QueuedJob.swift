import Foundation

/// Where a job stands.
public enum JobState: String, Sendable, CaseIterable, Codable {
    /// Waiting for a worker.
    case queued
    /// Claimed by a worker whose lease has not run out.
    case running
    /// Processed.
    case done
    /// Failed `maxAttempts` times (or its worker died that often); kept with the last reason.
    case dead
}

/// What `submit` hands the queue: a recording in the shared workspace and its companion files.
public struct JobSubmission: Sendable, Equatable {
    /// SHA-256 of the recording (hex): two submissions of the same bytes are one job.
    public var contentHash: String
    /// The recording, relative to the shared workspace (each machine mounts the workspace where it likes).
    public var recording: String
    /// Companion files by kind (`events`, `keywords`, …), relative to the workspace like `recording`.
    public var companions: [String: String]

    /// A submission of `recording` (hash `contentHash`) with `companions`, paths relative to the workspace.
    public init(contentHash: String, recording: String, companions: [String: String] = [:]) {
        (self.contentHash, self.recording, self.companions) = (contentHash, recording, companions)
    }
}

/// A job as the queue holds it.
public struct QueuedJob: Sendable, Equatable, Codable {
    /// The queue's id for it.
    public var id: Int64
    /// What was submitted.
    public var contentHash: String
    /// The recording, relative to the shared workspace.
    public var recording: String
    /// Companion files by kind, relative to the workspace.
    public var companions: [String: String]
    /// Where it stands.
    public var state: JobState
    /// How many times a worker has claimed it.
    public var attempts: Int
    /// The worker holding it (running) or that last held it.
    public var worker: String?
    /// Why its last attempt failed, if it did.
    public var lastError: String?
    /// The broadcast id the pipeline gave it, once done.
    public var broadcast: String?
}

/// A job a worker holds. `attempt` fences it: once the lease ran out and another worker claimed the job,
/// every update made with this claim is refused.
public struct ClaimedJob: Sendable, Equatable {
    /// The job.
    public var job: QueuedJob
    /// The worker holding it.
    public var worker: String
    /// Which claim this is (the job's attempt count when it was claimed).
    public var attempt: Int { job.attempts }
}

/// What `submit` did.
public enum SubmitOutcome: Sendable, Equatable {
    /// A new job was queued.
    case queued(QueuedJob)
    /// The same recording was submitted before; nothing changed.
    case alreadySubmitted(QueuedJob)

    /// The job either way.
    public var job: QueuedJob {
        switch self {
        case .queued(let job), .alreadySubmitted(let job): job
        }
    }
}
