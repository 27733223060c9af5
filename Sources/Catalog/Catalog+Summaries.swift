import Checkpoints
import Foundation
import Insight
import Report

/// A row of `broadcast_summaries`: what the broadcast list shows of one broadcast's alignment (title and start
/// from its metadata, length, the number of keyword mentions and the headline figures), so a list of many
/// shows reads one table instead of decoding every `alignment.json`.
public struct BroadcastSummaryRecord: Codable, Sendable, Equatable {
    /// The stage whose runs the rows follow: the pipeline's alignment stage, which writes them.
    public static let stage = "alignment"

    /// The broadcast.
    public var broadcastId: String
    /// Cache key of the alignment stage run whose `alignment.json` the row comes from.
    public var key: String
    /// The metadata's title and start, when it gave them.
    public var title: String?
    public var start: Date?
    /// Length in seconds, as the alignment saw it.
    public var duration: Double
    /// Keyword mentions in the alignment (those after the end included).
    public var mentions: Int
    /// The headline figures (`Insight.BroadcastSummary`) as JSON.
    public var figures: String
    /// When the row was written.
    public var recorded: Date

    /// The headline figures; nil when `figures` is not a summary this version reads (then the list writes the row
    /// again from the checkpoint).
    public var summary: BroadcastSummary? {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = BroadcastFolder.nonFiniteNumbers
        return try? decoder.decode(BroadcastSummary.self, from: Data(figures.utf8))
    }
}

extension BroadcastSummaryRecord {
    /// The row of broadcast `broadcast`'s alignment `report`, made under the alignment stage's cache key `key` with
    /// `metadata`. (Were the figures ever not encodable, `figures` would be empty and read as no summary.)
    public init(
        report: InsightReport, metadata: BroadcastMetadata?, broadcast: String, key: String,
        recorded: Date = Date()
    ) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity",
            negativeInfinity: "-Infinity", nan: "NaN")
        let figures = (try? encoder.encode(report.summary)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        self.init(
            broadcastId: broadcast, key: key, title: metadata?.title, start: metadata?.start,
            duration: report.duration, mentions: report.ments.count, figures: figures, recorded: recorded)
    }
}

extension Catalog {
    /// Stores `record`, replacing the row its broadcast had.
    public func recordSummary(_ record: BroadcastSummaryRecord) throws(PipelineError) {
        try write { db in try db.execute(BroadcastSummaryRecord.upsert(), record.values) }
    }

    /// The summary rows of every broadcast that has one, or of one broadcast.
    public func broadcastSummaries(broadcast: String? = nil) throws(PipelineError) -> [BroadcastSummaryRecord] {
        try read { db in try BroadcastSummaryRecord.all(in: db, broadcast: broadcast, order: "broadcast_id") }
    }
}
