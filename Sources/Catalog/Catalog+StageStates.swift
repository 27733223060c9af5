import Checkpoints

/// What the broadcast list needs of a stage's latest run on a broadcast: which run it was and how it ended.
public struct LatestStageRun: Sendable, Equatable {
    /// The broadcast.
    public var broadcastId: String
    /// The stage.
    public var stage: String
    /// The stage's cache key in that run.
    public var key: String
    /// How the run ended, or that it is still marked running.
    public var status: StageRunRecord.Status
}

extension Catalog {
    /// The latest run (or reuse) of each stage on each broadcast, or on one broadcast, oldest first: what each stage
    /// last did. Four columns read by position rather than whole `StageRunRecord`s, whose dates and timings took
    /// 17 ms to decode for the 600 runs of 100 shows, most of the list's time.
    public func latestStageStates(broadcast: String? = nil) throws(PipelineError) -> [LatestStageRun] {
        try read { db in
            let latest =
                "SELECT MAX(id) FROM stage_runs" + (broadcast == nil ? "" : " WHERE broadcast_id = ?")
                + " GROUP BY broadcast_id, stage"
            let rows = try db.query(
                "SELECT broadcast_id, stage, key, status FROM stage_runs WHERE id IN (\(latest)) ORDER BY id",
                broadcast.map { [$0] } ?? [])
            return try rows.map {
                LatestStageRun(broadcastId: try $0[0], stage: try $0[1], key: try $0[2], status: try $0[3])
            }
        }
    }
}
