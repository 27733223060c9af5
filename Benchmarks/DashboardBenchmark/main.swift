// Dashboard pages as the workspace grows (issue #22 item 8).
//
//   swift run -c release DashboardBenchmark [shows]     (default 100)
//
// Simulates one 2-hour show (SimulatedShow: the demo's 16 keywords, 30 mentions each, 2,500 peak viewers) and
// writes its alignment into `shows` broadcast folders of a temporary workspace (a folder-only store, as a
// catalog workspace reads the same files). Then times the broadcast list — read every show's headline figures
// and render the page — from `summary.json` (what the alignment stage writes now), against the reference in
// the same run: the same list decoding every `alignment.json` (what it did before). Also the 2-hour show's
// dashboard: render time and page size.
import Foundation
import Insight
import Report

let shows = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100 : 100
let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("AudioSamples").path
var setup = SimulatedShow.Setup(keywords: try KeywordList.load(path: samples + "/demo-broadcast.keywords.csv"),
                                planted: ["할인": 2.5, "사은품": 2.0, "무료 배송": 1.8])
(setup.duration, setup.mentionsPerKeyword, setup.peakViewers) = (7_200, 30, 2_500)
let show = SimulatedShow(setup: setup)
let report = show.analyse()

let root = FileManager.default.temporaryDirectory.appendingPathComponent("dashboard-bench-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: root) }
let encoder = JSONEncoder()
let alignment = try encoder.encode(report), headline = try encoder.encode(report.headline)
for index in 0..<shows {
    let folder = root + "/broadcasts/show-\(index)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try alignment.write(to: URL(fileURLWithPath: folder + "/alignment.json"))
    try headline.write(to: URL(fileURLWithPath: folder + "/summary.json"))
    let start = String(format: "2026-%02d-%02dT20:00:00+09:00", 1 + index / 28 % 12, 1 + index % 28)
    try Data("{\"title\": \"Show \(index)\", \"start\": \"\(start)\", \"products\": []}".utf8).write(to: URL(fileURLWithPath: folder + "/meta.json"))
}

func timed(_ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
        let begin = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9)
    }
    return best
}

let store = WorkspaceStore(root: root)
var listBytes = 0
let fromSummaries = try timed { listBytes = ListPage(entries: try store.entries()).html().utf8.count }
// The reference: the list as it was, decoding every alignment.json for its headline figures.
let fromAlignments = try timed {
    let decoder = JSONDecoder()
    var figures: [BroadcastSummary] = []
    for index in 0..<shows {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/broadcasts/show-\(index)/alignment.json"))
        figures.append(try decoder.decode(InsightReport.self, from: data).summary)
    }
    _ = ListPage(entries: try store.entries()).html()
}
var pageBytes = 0
let broadcast = try store.broadcast(id: "show-0")
let dashboard = timed { pageBytes = DashboardPage(broadcast: broadcast, assets: .linked).html().utf8.count }
print(String(format: "list of %d shows: %.3f s from summary.json (%d KB page) vs %.3f s decoding every alignment.json (reference) = %.1f× faster",
             shows, fromSummaries, listBytes / 1_000, fromAlignments, fromAlignments / fromSummaries))
print(String(format: "2-hour show (%d mentions, alignment.json %d KB): dashboard %.3f s, %d KB of HTML",
             report.ments.count, alignment.count / 1_000, dashboard, pageBytes / 1_000))
