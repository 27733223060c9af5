import Foundation
import Insight
import Transcription

/// One stage's state as the broadcast list shows it.
public struct StageState: Sendable, Equatable {
    /// Stage name (e.g. transcript, alignment, reviews).
    public var name: String
    /// running, done, failed, interrupted (started by a process that is gone), or missing.
    public var status: String

    /// Creates a stage state.
    public init(name: String, status: String) { (self.name, self.status) = (name, status) }
}

/// What the broadcast list needs about one broadcast (cheap to read: no transcript).
public struct BroadcastEntry: Sendable, Equatable {
    /// Folder name under `broadcasts/` (the catalog's broadcast id).
    public var id: String
    /// Title from the metadata, else the recording's file name, else the id.
    public var title: String
    /// Broadcast start, when known.
    public var date: Date?
    /// Length in seconds, when known (the catalog's, else the alignment's).
    public var duration: Double?
    /// Stages in name order.
    public var stages: [StageState]
    /// Headline figures, when the alignment exists.
    public var summary: BroadcastSummary?
    /// Keyword mentions in the alignment, when it exists and its summary counted them.
    public var mentions: Int?
    /// Transcript accuracy against the reference, when one came with the recording and was validated.
    public var validation: ValidationFigures?

    /// Creates an entry.
    public init(
        id: String, title: String, date: Date?, duration: Double?, stages: [StageState], summary: BroadcastSummary?,
        mentions: Int? = nil, validation: ValidationFigures? = nil
    ) {
        (self.id, self.title, self.date, self.duration, self.stages, self.summary) = (
            id, title, date, duration, stages, summary
        )
        (self.mentions, self.validation) = (mentions, validation)
    }
}

/// Everything the dashboard and the reports show about one broadcast.
public struct Broadcast: Sendable, Equatable {
    /// The list entry.
    public var entry: BroadcastEntry
    /// The alignment stage's report.
    public var report: InsightReport
    /// The transcript, when present.
    public var transcript: Transcript?
    /// The reviews stage's digest, when present.
    public var reviews: ReviewDigest?
    /// Product names by id (from the metadata).
    public var productNames: [String: String]
    /// Analysts' verdicts on its mentions (the rejected ones are no longer in the report).
    public var verdicts: MentionVerdicts

    /// Creates a broadcast.
    public init(
        entry: BroadcastEntry, report: InsightReport, transcript: Transcript?, reviews: ReviewDigest?,
        productNames: [String: String] = [:], verdicts: MentionVerdicts = MentionVerdicts()
    ) {
        (self.entry, self.report, self.transcript, self.reviews, self.productNames) = (
            entry, report, transcript, reviews, productNames
        )
        self.verdicts = verdicts
    }

    /// The product's display name, else its id.
    public func productName(_ id: String) -> String { productNames[id] ?? id }

    /// The reviewed products this show sold or listed (its metadata's products and those in its events), named
    /// from the metadata; every reviewed product when the show names none. Reviews of products not in the show
    /// (a shared reviews file) are left out of the page, the findings and the exports.
    public var showReviews: [ReviewDigest.Product] {
        let listed = Set(report.summary.products.map(\.id)).subtracting(["(none)"])
        return (reviews?.products ?? []).filter { listed.isEmpty || listed.contains($0.productID) }.map { product in
            var named = product
            named.name = productNames[product.productID] ?? product.name
            return named
        }
    }

    /// Fewest sentences a review topic needs before the findings call it a product's best or worst.
    public static let minimumTopicSentences = 5
}

/// A recording the server can stream.
public struct RecordingFile: Sendable, Equatable {
    /// Absolute path.
    public var path: String
    /// MIME type from the file extension.
    public var mimeType: String

    /// Creates a recording reference.
    public init(path: String, mimeType: String) { (self.path, self.mimeType) = (path, mimeType) }
}

/// Where the dashboard reads broadcasts from: the one seam between the pipeline and the reports.
public protocol BroadcastStore: Sendable {
    /// Every broadcast, newest first.
    func entries() throws(ReportError) -> [BroadcastEntry]
    /// One broadcast; `.unknownBroadcast` when the id is not in the store.
    func broadcast(id: String) throws(ReportError) -> Broadcast
    /// The broadcast's recording; `.unknownBroadcast` or `.noRecording`.
    func recording(id: String) throws(ReportError) -> RecordingFile
    /// Every broadcast with a readable alignment, newest first, without transcript and reviews: what the pages
    /// across shows (history, keyword leaderboard) read.
    func alignedBroadcasts() throws(ReportError) -> [Broadcast]
}
