import Catalog
import Checkpoints
import Foundation
import Insight

/// `alignment`: mentions × the event log → `alignment.json` (`Insight.InsightReport`: uplifts with
/// intervals, credited shares, funnels, the broadcast summary), with the broadcast's metadata when given.
/// What the broadcast list shows of it goes into the catalog (`broadcast_summaries`).
struct AlignmentStage: Stage, CatalogFigures {
    let name = "alignment"
    // 2: Holm-corrected significance, censored windows, per-mention credit, viewer funnels, summary.json
    let version = "2"
    let inputs: [StageInput] = [
        .stage("decode"), .stage("mentions"), .user(.events, required: true),
        .user(.metadata, required: false),
    ]
    /// The report, and the headline figures alone (`Insight.HeadlineFigures`) for the broadcast list.
    let outputs = [CheckpointFile.alignment.name, CheckpointFile.summary.name]

    func parameters(_ settings: PipelineSettings) -> [String: String] {
        ["windowStart": "\(settings.alignment.windowStart)", "windowEnd": "\(settings.alignment.windowEnd)"]
    }

    func run(_ context: StageContext) throws {
        guard let eventsPath = context.userInput(.events) else { return }
        let recording = try RecordingInfo.load(folder: context.folder)
        let metadata = try context.userInput(.metadata).map(BroadcastMetadata.load) ?? BroadcastMetadata()
        let events = try EventLog.load(path: eventsPath, broadcastStart: metadata.start, duration: recording.duration)
        let mentions = try CheckpointJSON.read([Mention].self, from: context.path(CheckpointFile.mentions.name))
        let report = AlignmentAnalysis.analyse(
            mentions: mentions, events: events, duration: recording.duration,
            metadata: metadata, options: context.settings.alignment)
        try CheckpointJSON.write(report, to: context.path(CheckpointFile.alignment.name))
        try CheckpointJSON.write(report.headline, to: context.path(CheckpointFile.summary.name))
    }

    func recordedKey(broadcast: String, in catalog: Catalog) throws(PipelineError) -> String? {
        try catalog.broadcastSummaries(broadcast: broadcast).first?.key
    }

    func recordFigures(_ context: StageContext, key: String, in catalog: Catalog) throws(PipelineError) {
        let report = try CheckpointJSON.read(InsightReport.self, from: context.path(CheckpointFile.alignment.name))
        var metadata: BroadcastMetadata?
        if let path = context.userInput(.metadata) {
            do { metadata = try BroadcastMetadata.load(path: path) } catch {
                throw .badInput(path: path, detail: "\(error)")
            }
        }
        try catalog.recordSummary(
            BroadcastSummaryRecord(
                report: report, metadata: metadata,
                broadcast: context.broadcastID, key: key))
    }
}
