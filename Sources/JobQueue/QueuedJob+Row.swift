import Foundation
import PostgresNIO

extension QueuedJob {
    /// The columns `init(_ row:)` reads, in its order.
    static let columns = columns(prefix: "")

    /// `columns` with each name qualified by `prefix` (e.g. "job.").
    static func columns(prefix: String) -> String {
        [
            "id", "content_hash", "recording", "companions::text", "state", "attempts", "worker", "last_error",
            "broadcast",
        ].map { prefix + $0 }.joined(separator: ", ")
    }

    /// A job from a row of `columns`.
    init(_ row: PostgresRow) throws {
        let (id, contentHash, recording, companions, state, attempts, worker, lastError, broadcast) = try row.decode(
            (Int64, String, String, String, String, Int, String?, String?, String?).self)
        guard let known = JobState(rawValue: state) else {
            throw JobQueueError.database(operation: "reading job \(id)", detail: "unknown state '\(state)'")
        }
        self.init(
            id: id, contentHash: contentHash, recording: recording,
            companions: try JSONDecoder().decode([String: String].self, from: Data(companions.utf8)),
            state: known, attempts: attempts, worker: worker, lastError: lastError, broadcast: broadcast)
    }
}
