import Checkpoints
import Foundation
import GRDB

extension Catalog {
    /// Records a broadcast, or updates its source path and size if it is already known (its first
    /// name and creation time stay).
    public func recordBroadcast(
        id: String, name: String, sourcePath: String, bytes: Int64, now: Date = Date()
    ) throws(PipelineError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO broadcasts (id, name, source_path, bytes, created) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET source_path = excluded.source_path, bytes = excluded.bytes
                    """, arguments: [id, name, sourcePath, bytes, now])
        }
    }

    /// Sets a broadcast's duration (known once the decode stage has run).
    public func setDuration(_ duration: Double, broadcast id: String) throws(PipelineError) {
        try write { db in
            try db.execute(sql: "UPDATE broadcasts SET duration = ? WHERE id = ?", arguments: [duration, id])
        }
    }

    /// Sets where a broadcast's recording now lives (after the watcher moved it to processed/).
    public func setSourcePath(_ path: String, broadcast id: String) throws(PipelineError) {
        try write { db in
            try db.execute(sql: "UPDATE broadcasts SET source_path = ? WHERE id = ?", arguments: [path, id])
        }
    }

    /// Every broadcast, oldest first.
    public func broadcasts() throws(PipelineError) -> [BroadcastRecord] {
        try read { db in try BroadcastRecord.order(Column("created"), Column("id")).fetchAll(db) }
    }

    /// The broadcast `id`, or nil when the catalog does not know it.
    public func broadcast(id: String) throws(PipelineError) -> BroadcastRecord? {
        try read { db in try BroadcastRecord.fetchOne(db, key: id) }
    }

    /// Records that a stage started on a broadcast; returns the run's id for `finishStageRun`.
    public func startStageRun(
        broadcast: String, job: Int64?, stage: String, key: String, now: Date = Date()
    ) throws(PipelineError) -> Int64 {
        var run = StageRunRecord(
            broadcastId: broadcast, jobId: job, stage: stage, key: key, status: .running, started: now)
        return try write { db in
            try run.insert(db)
            return run.id ?? db.lastInsertedRowID
        }
    }

    /// Records how a started stage run ended.
    public func finishStageRun(
        _ id: Int64, status: StageRunRecord.Status, seconds: Double, error: String? = nil,
        now: Date = Date()
    ) throws(PipelineError) {
        try write { db in
            try db.execute(
                sql: "UPDATE stage_runs SET status = ?, finished = ?, seconds = ?, error = ? WHERE id = ?",
                arguments: [status, now, seconds, error, id])
        }
    }

    /// Marks the broadcast's stage runs still `running` as failed ("interrupted"). Call only while
    /// holding the broadcast's lock: then no process is running them, so their process died.
    public func closeInterruptedStageRuns(broadcast: String, now: Date = Date()) throws(PipelineError) {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE stage_runs SET status = 'failed', finished = ?,
                        error = 'interrupted: the process ended during the stage'
                    WHERE broadcast_id = ? AND status = 'running'
                    """, arguments: [now, broadcast])
        }
    }

    /// Records that a stage was reused (its outputs were up to date).
    public func recordReusedStage(
        broadcast: String, job: Int64?, stage: String, key: String, now: Date = Date()
    ) throws(PipelineError) {
        var run = StageRunRecord(
            broadcastId: broadcast, jobId: job, stage: stage, key: key, status: .reused,
            started: now, finished: now, seconds: 0)
        try write { db in try run.insert(db) }
    }

    /// Every stage run, oldest first, optionally of one broadcast.
    public func stageRuns(broadcast: String? = nil) throws(PipelineError) -> [StageRunRecord] {
        try read { db in
            var request = StageRunRecord.order(Column("id"))
            if let broadcast { request = request.filter(Column("broadcast_id") == broadcast) }
            return try request.fetchAll(db)
        }
    }

    /// Records a keyword list by content (a list already known is not stored twice).
    public func recordKeywordList(
        name: String, path: String, content: String, sha256: String, now: Date = Date()
    ) throws(PipelineError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO keyword_lists (sha256, name, path, content, added) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(sha256) DO NOTHING
                    """, arguments: [sha256, name, path, content, now])
        }
    }

    /// Every keyword list, oldest first.
    public func keywordLists() throws(PipelineError) -> [KeywordListRecord] {
        try read { db in try KeywordListRecord.order(Column("id")).fetchAll(db) }
    }
}
