import Checkpoints
import Foundation
import Report
import Validation

/// A row of `broadcasts`: one recording's content, whatever file names it arrived under.
public struct BroadcastRecord: Codable, Sendable, Equatable {

    /// Content hash prefix of the recording (the broadcast folder's name).
    public var id: String
    /// File name of the recording as first seen.
    public var name: String
    /// Where the recording was last seen (inbox, processed/, or wherever `run` was pointed): relative to the
    /// workspace when it lies inside it, so every machine that mounts the workspace finds it.
    public var sourcePath: String
    /// Size of the recording in bytes.
    public var bytes: Int64
    /// Length in seconds, once the decode stage has run.
    public var duration: Double?
    /// When the catalog first saw it.
    public var created: Date
}

/// The life of a job.
public enum JobStatus: String, Codable, Sendable, CaseIterable, SQLValueConvertible {
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
public struct JobRecord: Codable, Sendable, Equatable {

    /// Where a job came from.
    public enum Origin: String, Codable, Sendable, SQLValueConvertible {
        /// A file found in the watched folder.
        case inbox
        /// A `liveinsight run` command.
        case run
    }

    /// Row id (set on insert).
    public var id: Int64?
    /// The broadcast, once the file has been hashed.
    public var broadcastId: String?
    /// The file's path when the job was made: for an inbox job, relative to the workspace (rows of earlier
    /// versions hold it absolute); `Workspace.absolutePath(of:)` gives it as this machine reaches it.
    public var file: String
    /// Inbox or `run`.
    public var origin: Origin
    /// Where the job is.
    public var status: JobStatus
    /// For done jobs: "processed" or "duplicate" (every stage reused).
    public var outcome: String?
    /// Host of the worker holding it.
    public var claimedHost: String?
    /// Process id of the worker holding it.
    public var claimedPid: Int32?
    /// Last sign of life from that worker.
    public var heartbeat: Date?
    /// The one-line reason, when failed or cancelled.
    public var error: String?
    /// When the job was made.
    public var created: Date
    /// When it was last claimed.
    public var started: Date?
    /// When it ended.
    public var finished: Date?
    /// How many times a worker claimed it (more than 1 after a crash).
    public var attempts: Int

    /// "host:pid" of the worker holding it.
    public var claimedBy: String? { claimedHost.flatMap { host in claimedPid.map { "\(host):\($0)" } } }
}

/// A row of `stage_runs`: one stage run or reuse on one broadcast.
public struct StageRunRecord: Codable, Sendable, Equatable {

    /// What happened to the stage.
    public enum Status: String, Codable, Sendable, SQLValueConvertible {
        case running, done, failed
        /// Its outputs existed under the same key and verified: nothing was run.
        case reused
    }

    /// Row id (set on insert).
    public var id: Int64?
    /// The broadcast.
    public var broadcastId: String
    /// The job it ran for, if any.
    public var jobId: Int64?
    /// Stage name.
    public var stage: String
    /// Cache key it ran under.
    public var key: String
    /// What happened.
    public var status: Status
    /// When it started.
    public var started: Date
    /// When it ended.
    public var finished: Date?
    /// Wall-clock seconds.
    public var seconds: Double?
    /// The one-line error, when failed.
    public var error: String?
}

/// A row of `keyword_lists`: a keyword list seen by the pipeline, kept by content.
public struct KeywordListRecord: Codable, Sendable, Equatable {

    /// Row id (set on insert).
    public var id: Int64?
    /// SHA-256 of the content (unique).
    public var sha256: String
    /// File name it was given under.
    public var name: String
    /// Path it was read from.
    public var path: String
    /// The list itself.
    public var content: String
    /// When it was first seen.
    public var added: Date
}

/// A row of `validation_results`: the corpus figures of a broadcast's validation stage (its transcript
/// against the reference that came with the recording), kept for the dashboard.
public struct ValidationResultRecord: Codable, Sendable, Equatable {

    /// The broadcast.
    public var broadcastId: String
    /// Cache key of the validation stage run whose `validation.json` the figures come from.
    public var key: String
    /// Corpus character error rate.
    public var cer: Double
    /// Corpus word error rate.
    public var wer: Double
    /// Share of reference items with a character error.
    public var sentenceErrorRate: Double
    /// Reference items scored.
    public var items: Int
    /// Reference characters, and the character substitutions, deletions and insertions.
    public var characters, charactersSubstitutions, charactersDeletions, charactersInsertions: Int
    /// Reference words, and the word substitutions, deletions and insertions.
    public var words, wordsSubstitutions, wordsDeletions, wordsInsertions: Int
    /// When the figures were recorded.
    public var validated: Date

    /// The figures as the dashboard shows them (hits are the reference tokens neither substituted nor deleted).
    public var figures: ValidationFigures {
        ValidationFigures(
            cer: cer, wer: wer, sentenceErrorRate: sentenceErrorRate, items: items,
            characters: ErrorCounts(
                hits: characters - charactersSubstitutions - charactersDeletions,
                substitutions: charactersSubstitutions,
                deletions: charactersDeletions, insertions: charactersInsertions),
            words: ErrorCounts(
                hits: words - wordsSubstitutions - wordsDeletions,
                substitutions: wordsSubstitutions, deletions: wordsDeletions,
                insertions: wordsInsertions),
            validated: validated)
    }
}
