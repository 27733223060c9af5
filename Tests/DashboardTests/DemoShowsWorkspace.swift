import Foundation
import Insight

/// A workspace of the demo kit's planned shows (`AudioSamples/demo/shows.tsv`), composed as `make demo` composes
/// them (`liveinsight compose`) and read from their perfect transcripts: per show the transcript, alignment,
/// metadata and manifest, no recording.
struct DemoShowsWorkspace {
    let root: String
    let plans: [ShowPlan]
    /// Each show's analysis, in plan order.
    let reports: [InsightReport]

    init() throws {
        let kit = DemoWorkspace.samples
        let bank = try ["script.tsv", "more-lines.tsv"].flatMap { try ShowScript.bank(path: kit + "/demo/" + $0) }
        let keywords = try KeywordList.load(path: kit + "/demo-broadcast.keywords.csv")
        plans = try ShowPlan.load(path: kit + "/demo/shows.tsv")
        root =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("liveinsight-demo-shows-\(UUID().uuidString)").path
        var reports: [InsightReport] = []
        for plan in plans {
            let show = try plan.compose(bank: bank, keywords: keywords)
            let report = AlignmentAnalysis.analyse(
                mentions: show.mentions, events: show.events,
                duration: plan.minutes * 60, metadata: show.metadata,
                options: AlignmentOptions())
            let folder = root + "/broadcasts/" + plan.name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try DemoWorkspace.encoder.encode(show.script.transcript)
                .write(to: URL(fileURLWithPath: folder + "/transcript.json"))
            try DemoWorkspace.encoder.encode(report).write(to: URL(fileURLWithPath: folder + "/alignment.json"))
            try FileManager.default.copyItem(atPath: plan.metaPath, toPath: folder + "/meta.json")
            try DemoWorkspace.manifest(plan.name)
                .write(toFile: folder + "/manifest.json", atomically: true, encoding: .utf8)
            reports.append(report)
        }
        self.reports = reports
    }

    /// Removes the workspace.
    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
