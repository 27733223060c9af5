import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The team pages in a real headless Chromium against a real server with a real catalog: sign-in, the board
/// and its approve queue, the catchphrase approve flow and alerts.
@Suite struct TeamBrowserTests {
    /// Where the screenshots go (reported in the test output; Docs/images/ holds copies).
    static let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent(
        "liveinsight-team-screenshots"
    ).path

    /// Sign-in, posting, answering, approving, catchphrase curation and alert handling work in the browser, with
    /// hostile text shown as text and no console errors (a CSP violation would be one).
    @Test func teamPagesWorkInChromium() async throws {
        let chromium = try ToolRunner.locate("chromium", package: "chromium fonts-nanum")
        let python = try ToolRunner.locate("python3", package: "python3")
        let fixture = try TeamFixture(catchphrases: true)
        defer { fixture.remove() }
        let suggested = try fixture.catalog.catchphrases(in: [.suggested])
        try #require(suggested.count >= 2, "the demo reviews should give P004 at least two lines")
        try FileManager.default.createDirectory(atPath: Self.screenshots, withIntermediateDirectories: true)
        let output = try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            return try await Self.offThePool(
                python,
                [
                    ToolRunner.scripts + "/team_check.py", chromium, "http://127.0.0.1:\(port)",
                    TeamFixture.password, DemoWorkspace.hostile, Self.screenshots,
                ])
        }
        print("team screenshots: \(Self.screenshots)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(seen["redirected"] as? String == "/signin?next=%2Fboard")
        #expect((seen["wrongPassword"] as? String)?.contains("Wrong account or password") == true)
        #expect(seen["afterSignIn"] as? String == "/board")
        #expect(seen["cookieVisibleToScript"] as? String == "", "the session cookie must be HttpOnly")

        #expect((seen["afterPost"] as? String)?.hasPrefix("/board/") == true)
        #expect(seen["titleShown"] as? String == DemoWorkspace.hostile)
        #expect(seen["injected"] as? Int == 0)
        let answered = seen["answered"] as? [String: Any] ?? [:]
        #expect(answered["answers"] as? Int == 1 && (answered["status"] as? String)?.contains("answered") == true)
        #expect(answered["approveButtons"] as? Int == 0, "an analyst sees no approve button")
        #expect((seen["afterSignOut"] as? String)?.hasPrefix("/signin") == true)
        #expect(seen["queue"] as? Int == 1)
        #expect((seen["approved"] as? String)?.contains("approved") == true)
        #expect(seen["searched"] as? [String] == [DemoWorkspace.hostile])

        #expect(seen["suggested"] as? Int == suggested.count)
        let evidence = seen["evidence"] as? [String: Any] ?? [:]
        #expect((evidence["quotes"] as? Int ?? 0) >= 1 && (evidence["text"] as? String)?.contains("리뷰") == true)
        #expect(seen["approvedLines"] as? [String] == ["고소한 맛, 리뷰가 증명합니다"])
        let keywords = seen["keywords"] as? String ?? ""
        #expect(
            keywords.hasPrefix("keyword,topic,variants\n") && keywords.contains("\"고소한 맛, 리뷰가 증명합니다\""), "\(keywords)")
        #expect(seen["rejected"] as? Int == 1)

        #expect((seen["alertQuote"] as? String)?.contains(DemoWorkspace.hostile) == true)
        #expect((seen["alertState"] as? String)?.hasPrefix("acknowledged") == true)
        // The one expected console entry: the wrong password's 401 answer.
        let errors = (seen["errors"] as? [String] ?? []).filter {
            !($0.contains("status of 401") && $0.hasSuffix("/signin"))
        }
        #expect(errors.isEmpty, "\(errors)")
    }

    /// Runs the script on a Dispatch thread: blocking one of the few cooperative threads (two on a two-core
    /// machine) while another browser test does the same would leave none for the servers they talk to.
    static func offThePool(_ executable: String, _ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try ToolRunner.run(executable, arguments) })
            }
        }
    }
}
