import Checkpoints
import Foundation

extension Catalog {
    /// Records a broadcast, or updates its source path and size if it is already known (its first
    /// name and creation time stay).
    public func recordBroadcast(
        id: String, name: String, sourcePath: String, bytes: Int64, now: Date = Date()
    ) throws(PipelineError) {
        try write { db in
            try db.execute(
                """
                INSERT INTO broadcasts (id, name, source_path, bytes, created) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET source_path = excluded.source_path, bytes = excluded.bytes
                """, [id, name, sourcePath, bytes, now])
        }
    }

    /// Sets a broadcast's duration (known once the decode stage has run).
    public func setDuration(_ duration: Double, broadcast id: String) throws(PipelineError) {
        try write { db in
            try db.execute("UPDATE broadcasts SET duration = ? WHERE id = ?", [duration, id])
        }
    }

    /// Sets where a broadcast's recording now lives (after the watcher moved it to processed/).
    public func setSourcePath(_ path: String, broadcast id: String) throws(PipelineError) {
        try write { db in
            try db.execute("UPDATE broadcasts SET source_path = ? WHERE id = ?", [path, id])
        }
    }

    /// Every broadcast, oldest first.
    public func broadcasts() throws(PipelineError) -> [BroadcastRecord] {
        try read { db in try db.query(BroadcastRecord.select("ORDER BY created, id")).map(BroadcastRecord.init) }
    }

    /// The broadcast `id`, or nil when the catalog does not know it.
    public func broadcast(id: String) throws(PipelineError) -> BroadcastRecord? {
        try read { db in try db.query(BroadcastRecord.select("WHERE id = ?"), [id]).first.map(BroadcastRecord.init) }
    }

    /// Records that a stage started on a broadcast; returns the run's id for `finishStageRun`.
    public func startStageRun(
        broadcast: String, job: Int64?, stage: String, key: String, now: Date = Date()
    ) throws(PipelineError) -> Int64 {
        try write { db in
            try db.query(
                "INSERT INTO stage_runs (broadcast_id, job_id, stage, key, status, started) VALUES (?, ?, ?, ?, ?, ?) "
                    + "RETURNING id", [broadcast, job, stage, key, StageRunRecord.Status.running, now])[0][0]
        }
    }

    /// Records how a started stage run ended.
    public func finishStageRun(
        _ id: Int64, status: StageRunRecord.Status, seconds: Double, error: String? = nil,
        now: Date = Date()
    ) throws(PipelineError) {
        try write { db in
            try db.execute(
                "UPDATE stage_runs SET status = ?, finished = ?, seconds = ?, error = ? WHERE id = ?",
                [status, now, seconds, error, id])
        }
    }

    /// Marks the broadcast's stage runs still `running` as failed ("interrupted"). Call only while
    /// holding the broadcast's lock: then no process is running them, so their process died.
    public func closeInterruptedStageRuns(broadcast: String, now: Date = Date()) throws(PipelineError) {
        try write { db in
            try db.execute(
                """
                UPDATE stage_runs SET status = 'failed', finished = ?,
                    error = 'interrupted: the process ended during the stage'
                WHERE broadcast_id = ? AND status = 'running'
                """, [now, broadcast])
        }
    }

    /// Records that a stage was reused (its outputs were up to date).
    public func recordReusedStage(
        broadcast: String, job: Int64?, stage: String, key: String, now: Date = Date()
    ) throws(PipelineError) {
        try write { db in
            try db.execute(
                "INSERT INTO stage_runs (broadcast_id, job_id, stage, key, status, started, finished, seconds) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                [broadcast, job, stage, key, StageRunRecord.Status.reused, now, now])
        }
    }

    /// Every stage run, oldest first, optionally of one broadcast.
    public func stageRuns(broadcast: String? = nil) throws(PipelineError) -> [StageRunRecord] {
        try read { db in try StageRunRecord.all(in: db, broadcast: broadcast, order: "id") }
    }

    /// Records a keyword list by content (a list already known is not stored twice).
    public func recordKeywordList(
        name: String, path: String, content: String, sha256: String, now: Date = Date()
    ) throws(PipelineError) {
        try write { db in
            try db.execute(
                """
                INSERT INTO keyword_lists (sha256, name, path, content, added) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(sha256) DO NOTHING
                """, [sha256, name, path, content, now])
        }
    }

    /// Every keyword list, oldest first.
    public func keywordLists() throws(PipelineError) -> [KeywordListRecord] {
        try read { db in try db.query(KeywordListRecord.select("ORDER BY id")).map(KeywordListRecord.init) }
    }
}
