// Dashboard pages as the workspace grows (issue #22 item 8).
//
//   swift run -c release DashboardBenchmark [shows]     (default 100) → Benchmarks/dashboard-results.json
//
// Simulates one 2-hour show (SimulatedShow: the demo's 16 keywords, 45 mentions each, 2,500 peak viewers; a perfect
// transcript) and catalogues it as `shows` broadcasts of a temporary workspace, as the pipeline records them: each
// stage's run, the alignment's checkpoints and the catalog's summary row. Then times, best of five:
// - the list page (read the listing, render the page) from the catalog at 1 show and at `shows`, and in the same run
//   the two ways it was read before: every show's summary.json and meta.json, and every show's alignment.json;
// - the pages across shows (history, keyword leaderboard): the first request, which decodes every alignment.json,
//   and the next ones, which find them decoded (`ReportCache`);
// - the 2-hour show's dashboard with one page of mentions against every mention on the page (as before paging):
//   size and render time.
import Catalog
import Foundation
import Insight
import Pipeline
import Report

let shows = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100 : 100
let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let samples = benchmarks.deletingLastPathComponent().appendingPathComponent("AudioSamples").path
var setup = SimulatedShow.Setup(
    keywords: try KeywordList.load(path: samples + "/demo-broadcast.keywords.csv"),
    planted: ["할인": 2.5, "사은품": 2.0, "무료 배송": 1.8])
(setup.duration, setup.mentionsPerKeyword, setup.peakViewers) = (7_200, 45, 2_500)
let report = SimulatedShow(setup: setup).analyse()
let loadBefore = loadAverage()

/// The one-minute load average (the machine is shared: the figures say how busy it was).
func loadAverage() -> Double {
    var loads = [0.0, 0.0, 0.0]
    return getloadavg(&loads, 3) > 0 ? loads[0] : -1
}

/// A workspace of `count` copies of the show, catalogued as the pipeline catalogues them.
func workspace(_ count: Int) throws -> String {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("dashboard-bench-\(getpid())-\(count)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let catalog = try Catalog(path: root + "/catalog.sqlite")
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let alignment = try encoder.encode(report), headline = try encoder.encode(report.headline)
    for index in 0..<count {
        let id = String(format: "show%03d", index), folder = root + "/broadcasts/" + id
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try alignment.write(to: URL(fileURLWithPath: folder + "/alignment.json"))
        try headline.write(to: URL(fileURLWithPath: folder + "/summary.json"))
        let day = String(format: "2026-%02d-%02dT11:00:00Z", 1 + index / 28 % 12, 1 + index % 28)
        let metadata = BroadcastMetadata(
            title: "Show \(index)", start: ISO8601DateFormatter().date(from: day),
            products: [.init(id: "P001", price: 30_000)])
        try encoder.encode(metadata).write(to: URL(fileURLWithPath: folder + "/meta.json"))
        try catalog.recordBroadcast(id: id, name: id + ".flac", sourcePath: "/recordings/" + id + ".flac", bytes: 1)
        try catalog.setDuration(report.duration, broadcast: id)
        for stage in StageGraph.standardStages.map(\.name) {
            let run = try catalog.startStageRun(broadcast: id, job: nil, stage: stage, key: stage + "-key")
            try catalog.finishStageRun(run, status: .done, seconds: 1)
        }
        try catalog.recordSummary(
            BroadcastSummaryRecord(
                report: report, metadata: metadata, broadcast: id,
                key: "alignment-key"))
    }
    return root
}

/// The best of five runs of `body`, seconds.
func timed(_ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<5 {
        let begin = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9)
    }
    return best
}

func rounded(_ value: Double, _ digits: Int = 4) -> Double {
    let scale = pow(10, Double(digits))
    return (value * scale).rounded() / scale
}

let one = try workspace(1), many = try workspace(shows)
defer { for root in [one, many] { try? FileManager.default.removeItem(atPath: root) } }
let oneStore = try WorkspaceStore.open(root: one), store = try WorkspaceStore.open(root: many)
let listOne = try timed { _ = ListPage(entries: try oneStore.entries()).html() }
let listMany = try timed { _ = ListPage(entries: try store.entries()).html() }
let listBytes = ListPage(entries: try store.entries()).html().utf8.count
// The references: the list before the catalog kept summaries (every summary.json and meta.json), and before
// summary.json (the catalog's rows, every alignment.json decoded for the figures).
let fromSummaryFiles = try timed { _ = ListPage(entries: try WorkspaceStore(root: many).entries()).html() }
let fromAlignments = try timed {
    let entries = try store.entries().map { entry in
        var decoded = entry
        decoded.summary = try BroadcastFolder(workspace: many, id: entry.id).report()?.summary
        return decoded
    }
    _ = ListPage(entries: entries).html()
}

// Across shows: the first request decodes every alignment (a fresh store), later ones find them decoded.
/// The best time of `render` on the first request of a fresh store (every alignment decoded), and on later requests.
func acrossShows(_ render: ([Broadcast]) -> Void) throws -> (first: Double, later: Double) {
    var first = Double.infinity
    for _ in 0..<3 {
        let fresh = try WorkspaceStore.open(root: many)
        let begin = DispatchTime.now().uptimeNanoseconds
        render(try fresh.alignedBroadcasts())
        first = min(first, Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9)
    }
    return (first, try timed { render(try store.alignedBroadcasts()) })
}
let history = try acrossShows { _ = HistoryPage(broadcasts: $0).html() }
let keywords = try acrossShows { _ = LeaderboardPage(broadcasts: $0).html() }

let broadcast = try store.broadcast(id: "show000")
var pagedBytes = 0, everyRowBytes = 0
let paged = timed { pagedBytes = DashboardPage(broadcast: broadcast, assets: .linked).html().utf8.count }
let everyRow = timed {
    let everyRow = MentionQuery(rowsPerPage: .max)
    everyRowBytes = DashboardPage(broadcast: broadcast, assets: .linked, mentions: everyRow).html().utf8.count
}
let loadAfter = loadAverage()
#if DEBUG
let build = "debug"
#else
let build = "release"
#endif
let processor =
    ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
    .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
    .trimmingCharacters(in: .whitespaces) ?? "unknown"

let results: [String: Any] = [
    "benchmark": "DashboardBenchmark \(shows)",
    "date": ISO8601DateFormatter().string(from: Date()),
    "build": build,
    "machine": [
        "cores": ProcessInfo.processInfo.activeProcessorCount, "processor": processor,
        "loadAverageBefore": rounded(loadBefore, 2), "loadAverageAfter": rounded(loadAfter, 2),
    ],
    "show": [
        "minutes": report.duration / 60, "mentions": report.ments.count,
        "alignmentJSONBytes": try JSONEncoder().encode(report).count,
    ],
    "list": [
        "shows": shows, "pageBytes": listBytes,
        "secondsOneShow": rounded(listOne), "secondsFromCatalog": rounded(listMany),
        "ratioToOneShow": rounded(listMany / listOne, 2),
        "secondsReadingSummaryFiles": rounded(fromSummaryFiles), "secondsDecodingAlignments": rounded(fromAlignments),
        "timesFasterThanSummaryFiles": rounded(fromSummaryFiles / listMany, 1),
        "timesFasterThanDecodingAlignments": rounded(fromAlignments / listMany, 1),
    ],
    "acrossShows": [
        "historySecondsFirstRequest": rounded(history.first), "historySecondsLaterRequests": rounded(history.later),
        "keywordsSecondsFirstRequest": rounded(keywords.first), "keywordsSecondsLaterRequests": rounded(keywords.later),
    ],
    "dashboard": [
        "rowsPerPage": MentionQuery.pageSize, "bytesPaged": pagedBytes, "bytesEveryRow": everyRowBytes,
        "sizeRatio": rounded(Double(pagedBytes) / Double(everyRowBytes), 3),
        "secondsPaged": rounded(paged), "secondsEveryRow": rounded(everyRow),
    ],
]
let json = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
let output = benchmarks.appendingPathComponent("dashboard-results.json")
try json.write(to: output)
print(String(decoding: json, as: UTF8.self))
print("written to \(output.path)")
