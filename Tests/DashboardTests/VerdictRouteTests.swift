import Accounts
import Catalog
import Checkpoints
import Foundation
import Hummingbird
import HummingbirdTesting
import Insight
import Pipeline
import Report
import Server
import Testing

/// Analysts' verdicts from the mention table and the review queue (`POST /broadcasts/:id/verdicts`, `/review`),
/// recorded by the real pipeline on a
/// processed clip whose transcript was given as captions ("오늘 특가 할인 배송"), so its mentions are known.
@Suite struct VerdictRouteTests {
    /// A workspace holding the processed clip, with an analyst (kim) and a viewer (lee); the server records
    /// verdicts through a runner over it.
    private struct ProcessedShow {
        let root: String
        let broadcast: String
        let server: DashboardServer

        init() throws {
            let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Training/fixtures")
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("verdicts-\(UUID().uuidString)")
                .path
            let workspace = Workspace(root: root)
            try workspace.create()
            let catalog = try Catalog(path: workspace.catalogPath)
            let hasher = PasswordHasher(cost: 4)
            for (name, role) in [("kim", Role.analyst), ("lee", Role.viewer)] {
                try catalog.addAccount(
                    Account(name: name, role: role, passwordHash: try hasher.hash(TeamFixture.password)))
            }
            // A window of the first second after each mention, so the 1.9 s clip's mentions count in its figures.
            var settings = PipelineSettings()
            (settings.alignment.windowStart, settings.alignment.windowEnd) = (0, 1)
            let runner = PipelineRunner(
                workspace: workspace, catalog: catalog, graph: try StageGraph.standard(), settings: settings,
                models: StageModels(
                    acoustic: .acoustic(
                        path: repository.appendingPathComponent("tiny-model.safetensors").path, threads: 1)),
                toolVersion: "test")
            func input(_ name: String, _ text: String) throws -> String {
                let path = root + "/" + name
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                return path
            }
            broadcast =
                try runner.run(
                    RunRequest(
                        recording: repository.appendingPathComponent("clip-ko-2s.wav").path,
                        inputs: [
                            .keywords: try input("k.csv", "keyword,topic\n특가,가격\n배송,배송\n"),
                            .events: try input("e.csv", "timestamp,event_type\n1,cart\n"),
                            .transcript: try input("t.srt", "1\n00:00:00,000 --> 00:00:01,900\n오늘 특가 할인 배송\n"),
                        ])
                ).broadcast
            let team = TeamServices(
                accounts: catalog, board: catalog, catchphrases: catalog, alerts: catalog,
                access: AccessPolicy(requiresSignIn: true), verdicts: PipelineVerdictRecorder(runner: runner),
                sessions: SessionStore(storage: catalog), hasher: hasher)
            server = DashboardServer(store: try WorkspaceStore.open(root: root, catalog: catalog), team: team)
            self.root = root
        }

        /// The dashboard's router over the workspace.
        func application() -> some ApplicationProtocol { Application(router: server.router()) }

        /// The mentions in the alignment, in time order.
        func aligned() throws -> [Mention] {
            try BroadcastFolder(workspace: root, id: broadcast).requiredReport().ments.map(\.mention)
        }
    }

    /// An analyst rejects a mention: it leaves the table and the figures, is listed as rejected with a button that
    /// gives it back, and that button restores it.
    @Test func analystRejectsAndRestores() async throws {
        let show = try ProcessedShow()
        defer { try? FileManager.default.removeItem(atPath: show.root) }
        let special = try #require(try show.aligned().first { $0.keyword == "특가" })
        let page = "/broadcasts/\(show.broadcast)"
        try await show.application().test(.router) { client in
            let session = TeamSession(client)
            #expect(try await session.signIn("kim") == .seeOther)
            #expect(try await session.get(page).body.contains("value=\"rejected\""))
            let posted = try await session.post(
                page + "/verdicts",
                ["keyword": "특가", "time": String(special.time), "verdict": "rejected", "next": page + "#ments"])
            #expect(posted.status == .seeOther && posted.location == page + "#ments")
            #expect(try !show.aligned().contains { $0.keyword == "특가" })
            let after = try await session.get(page).body
            let rejected = try #require(after.components(separatedBy: "id=\"rejected-mentions\"").last)
            #expect(rejected.contains("<b>특가</b> · kim · 20") && rejected.contains("value=\"withdrawn\""))
            #expect(rejected.contains("제외한 언급 1건") && rejected.contains("Mentions analysts rejected (1)"))
            #expect(
                try await session.post(
                    page + "/verdicts", ["keyword": "특가", "time": String(special.time), "verdict": "withdrawn"]
                ).status == .seeOther)
            #expect(try show.aligned().contains { $0.keyword == "특가" })
            #expect(try await !session.get(page).body.contains("id=\"rejected-mentions\""))
        }
    }

    /// A viewer sees no verdict buttons and may not post one; a verdict on no mention is refused with the reason.
    @Test func viewersAndUnknownMentionsAreRefused() async throws {
        let show = try ProcessedShow()
        defer { try? FileManager.default.removeItem(atPath: show.root) }
        let page = "/broadcasts/\(show.broadcast)"
        try await show.application().test(.router) { client in
            let viewer = TeamSession(client)
            #expect(try await viewer.signIn("lee") == .seeOther)
            #expect(try await !viewer.get(page).body.contains("value=\"rejected\""))
            let fields = ["keyword": "특가", "time": "0", "verdict": "rejected"]
            #expect(try await viewer.post(page + "/verdicts", fields).status == .forbidden)
            let analyst = TeamSession(client)
            #expect(try await analyst.signIn("kim") == .seeOther)
            try await analyst.get(page)
            let refused = try await analyst.post(page + "/verdicts", fields.merging(["time": "99"]) { $1 })
            #expect(refused.status == .badRequest && refused.body.contains("no mention of '특가' at 99.00 s"))
            let badVerdict = try await analyst.post(page + "/verdicts", fields.merging(["verdict": "maybe"]) { $1 })
            #expect(badVerdict.status == .badRequest)
        }
        #expect(try show.aligned().contains { $0.keyword == "특가" })
    }

    /// The review queue lists the unconfirmed mentions least confident first, each with ▶ on its show's recording;
    /// an analyst's verdict there comes back to the queue without the mention; a viewer sees no buttons.
    @Test func reviewQueueTakesVerdicts() async throws {
        let show = try ProcessedShow()
        defer { try? FileManager.default.removeItem(atPath: show.root) }
        let special = try #require(try show.aligned().first { $0.keyword == "특가" })
        try await show.application().test(.router) { client in
            let analyst = TeamSession(client)
            #expect(try await analyst.signIn("kim") == .seeOther)
            let queue = try await analyst.get("/review").body
            #expect(queue.contains("<td>특가</td>") && queue.contains("<td>배송</td>"))
            #expect(
                queue.contains("data-src=\"/broadcasts/\(show.broadcast)/audio\"")
                    && queue.contains("value=\"rejected\""))
            let posted = try await analyst.post(
                "/broadcasts/\(show.broadcast)/verdicts",
                ["keyword": "특가", "time": String(special.time), "verdict": "rejected", "next": "/review"])
            #expect(posted.status == .seeOther && posted.location == "/review")
            let after = try await analyst.get("/review").body
            #expect(!after.contains("<td>특가</td>") && after.contains("<td>배송</td>"))
            let viewer = TeamSession(client)
            #expect(try await viewer.signIn("lee") == .seeOther)
            let seen = try await viewer.get("/review").body
            #expect(seen.contains("<td>배송</td>") && !seen.contains("value=\"rejected\""))
        }
    }

    /// The same in a real headless Chromium: the ✕ button of the mention's row, then the restore button of the
    /// rejected list, each a form post answered by a redirect back to the table, with no console errors.
    @Test func verdictsWorkInChromium() async throws {
        let chromium = try ToolRunner.locate("chromium", package: "chromium fonts-nanum")
        let python = try ToolRunner.locate("python3", package: "python3")
        let show = try ProcessedShow()
        defer { try? FileManager.default.removeItem(atPath: show.root) }
        try FileManager.default.createDirectory(atPath: TeamBrowserTests.screenshots, withIntermediateDirectories: true)
        let output = try await show.application().test(.live) { client in
            let port = try #require(client.port)
            return try await TeamBrowserTests.offThePool(
                python,
                [
                    ToolRunner.scripts + "/verdict_check.py", chromium, "http://127.0.0.1:\(port)", show.broadcast,
                    "특가",
                    TeamFixture.password, TeamBrowserTests.screenshots,
                ])
        }
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(seen["before"] as? [String] == ["특가", "배송"])
        #expect(seen["afterReject"] as? String == "/broadcasts/\(show.broadcast)#ments")
        #expect(seen["rejectedShown"] as? [String] == ["배송"])
        let listed = seen["rejectedList"] as? String ?? ""
        #expect(listed.contains("특가") && listed.contains("kim"), "\(listed)")
        #expect(seen["restored"] as? [String] == ["특가", "배송"])
        #expect((seen["errors"] as? [String])?.isEmpty == true, "\(seen["errors"] ?? "")")
        let queue = seen["queue"] as? [String: Any] ?? [:]
        #expect(queue["rows"] as? Int == 2)
        #expect(
            queue["src"] as? String == "/broadcasts/\(show.broadcast)/audio"
                && queue["src"] as? String == queue["wanted"] as? String)
        #expect(abs((queue["currentTime"] as? Double ?? -9) - (queue["seek"] as? Double ?? 0)) < 0.5)
        #expect((seen["queueErrors"] as? [String])?.isEmpty == true, "\(seen["queueErrors"] ?? "")")
    }
}
