import Catalog
import Foundation
import Hummingbird
import HummingbirdTesting
import Insight
import Pipeline
import Report
import Server
import Testing

/// The list page of a workspace with a catalog comes from the catalog's summary rows, never from the checkpoints.
@Suite struct CatalogListRouteTests {
    /// The demo kit's planned shows catalogued as the pipeline records them: a broadcast row and a finished alignment
    /// run each, and with `summaries` the row the alignment stage writes (without: a catalog from before the rows).
    private static func catalogue(_ shows: DemoShowsWorkspace, summaries: Bool) throws -> Catalog {
        let catalog = try Catalog(path: shows.root + "/catalog.sqlite")
        for (plan, report) in zip(shows.plans, shows.reports) {
            try catalog.recordBroadcast(
                id: plan.name, name: plan.name + ".ogg", sourcePath: "/absent/" + plan.name,
                bytes: 1)
            let run = try catalog.startStageRun(broadcast: plan.name, job: nil, stage: "alignment", key: key(plan))
            try catalog.finishStageRun(run, status: .done, seconds: 0.1)
            if summaries {
                let metadata = try BroadcastMetadata.load(path: plan.metaPath)
                try catalog.recordSummary(
                    BroadcastSummaryRecord(
                        report: report, metadata: metadata,
                        broadcast: plan.name, key: key(plan)))
            }
        }
        return catalog
    }

    private static func key(_ plan: ShowPlan) -> String { "alignment-key-" + plan.name }

    /// The list page's row of each show, by id.
    private static func listRows(_ root: String) async throws -> [String: String] {
        let app = Application(router: DashboardServer(store: try WorkspaceStore.open(root: root)).router())
        return try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let rows = String(buffer: response.body).components(separatedBy: "<tr data-date=").dropFirst()
                return Dictionary(
                    rows.compactMap { row in
                        row.firstMatch(of: /href="\/broadcasts\/([^"]+)"/).map { (String($0.1), String(row)) }
                    }, uniquingKeysWith: { first, _ in first })
            }
        }
    }

    /// Removes every show's alignment and metadata, so only the catalog can tell the list their figures and titles.
    private static func removeCheckpoints(_ shows: DemoShowsWorkspace) throws {
        for plan in shows.plans {
            for file in ["alignment.json", "meta.json"] {
                try FileManager.default.removeItem(atPath: shows.root + "/broadcasts/" + plan.name + "/" + file)
            }
        }
    }

    /// `row` shows `report`'s figures and the title its metadata gave.
    private static func shows(_ row: String?, _ report: InsightReport, titled plan: ShowPlan) throws -> Bool {
        guard let row, let title = try BroadcastMetadata.load(path: plan.metaPath).title else { return false }
        let figures =
            [report.summary.unitsSold, report.ments.count].map { "data-sort=\"\($0)\"" }
            + ["data-sort=\"\(report.summary.revenue)\""]
        return row.contains(">\(title)</a>") && figures.allSatisfy(row.contains)
    }

    /// Every show is listed with its title, mentions, units and revenue from the catalog alone.
    @Test func listsEveryShowFromTheCatalog() async throws {
        let shows = try DemoShowsWorkspace()
        defer { shows.remove() }
        let plans = shows.plans
        _ = try Self.catalogue(shows, summaries: true)
        try Self.removeCheckpoints(shows)
        let rows = try await Self.listRows(shows.root)
        #expect(rows.count == plans.count)
        for (plan, report) in zip(plans, shows.reports) {
            #expect(try Self.shows(rows[plan.name], report, titled: plan), "\(plan.name)")
        }
    }

    /// A catalog made before the summary rows gets them from each show's alignment the first time the list is read,
    /// under the alignment run's key; after that the list needs the checkpoints no more.
    @Test func backFillsAnOlderCatalog() async throws {
        let shows = try DemoShowsWorkspace()
        defer { shows.remove() }
        let plans = shows.plans
        let catalog = try Self.catalogue(shows, summaries: false)
        #expect(try catalog.broadcastSummaries().isEmpty)
        let first = try await Self.listRows(shows.root)
        let stored = try catalog.broadcastSummaries()
        #expect(stored.map(\.broadcastId).sorted() == plans.map(\.name).sorted())
        for (plan, report) in zip(plans, shows.reports) {
            #expect(try Self.shows(first[plan.name], report, titled: plan), "\(plan.name)")
            let row = stored.first { $0.broadcastId == plan.name }
            #expect(row?.key == Self.key(plan) && row?.summary == report.summary && row?.mentions == report.ments.count)
        }
        try Self.removeCheckpoints(shows)
        #expect(try await Self.listRows(shows.root) == first)
    }
}
