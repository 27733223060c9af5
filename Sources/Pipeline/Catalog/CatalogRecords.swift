import Foundation
import GRDB

/// A row of `broadcasts`: one recording's content, whatever file names it arrived under.
public struct BroadcastRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "broadcasts"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Content hash prefix of the recording (the broadcast folder's name).
    public var id: String
    /// File name of the recording as first seen.
    public var name: String
    /// Where the recording was last seen (inbox, processed/, or wherever `run` was pointed).
    public var sourcePath: String
    /// Size of the recording in bytes.
    public var bytes: Int64
    /// Length in seconds, once the decode stage has run.
    public var duration: Double?
    public var created: Date
}

/// The life of a job.
public enum JobStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Waiting for a worker.
    case queued
    /// Claimed by a worker (`claimed_host`, `claimed_pid`), which refreshes `heartbeat`.
    case running
    /// Finished; `outcome` says whether it was processed or recognised as a duplicate.
    case done
    /// Failed; `error` holds the one-line reason (the file went to rejected/).
    case failed
    /// Dropped without processing: the file left the inbox before a worker got to it.
    case cancelled
}

/// A row of `jobs`: one file to run through the pipeline, from the watched folder or from `run`.
public struct JobRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "jobs"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Where a job came from.
    public enum Origin: String, Codable, Sendable, DatabaseValueConvertible {
        /// A file found in the watched folder.
        case inbox
        /// A `liveinsight run` command.
        case run
    }

    public var id: Int64?
    /// The broadcast, once the file has been hashed.
    public var broadcastId: String?
    /// The file's path when the job was made.
    public var file: String
    public var origin: Origin
    public var status: JobStatus
    /// For done jobs: "processed" or "duplicate" (every stage reused).
    public var outcome: String?
    public var claimedHost: String?
    public var claimedPid: Int32?
    public var heartbeat: Date?
    public var error: String?
    public var created: Date
    public var started: Date?
    public var finished: Date?
    /// How many times a worker claimed it (more than 1 after a crash).
    public var attempts: Int

    /// "host:pid" of the worker holding it.
    public var claimedBy: String? { claimedHost.flatMap { host in claimedPid.map { "\(host):\($0)" } } }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `stage_runs`: one stage run or reuse on one broadcast.
public struct StageRunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "stage_runs"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// What happened to the stage.
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible {
        case running, done, failed
        /// Its outputs existed under the same key and verified: nothing was run.
        case reused
    }

    public var id: Int64?
    public var broadcastId: String
    public var jobId: Int64?
    public var stage: String
    public var key: String
    public var status: Status
    public var started: Date
    public var finished: Date?
    public var seconds: Double?
    public var error: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `keyword_lists`: a keyword list seen by the pipeline, kept by content.
public struct KeywordListRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "keyword_lists"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    /// SHA-256 of the content (unique).
    public var sha256: String
    /// File name it was given under.
    public var name: String
    /// Path it was read from.
    public var path: String
    /// The list itself.
    public var content: String
    public var added: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
