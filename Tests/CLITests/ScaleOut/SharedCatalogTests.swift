import Foundation
import PrivatePostgres
import Testing

/// The catalog in PostgreSQL (`--catalog postgresql://…`): the commands read and write it as they do the workspace's
/// SQLite file, a workspace's catalog moves over with `catalog copy`, and several `serve` processes share it.
@Suite(.serialized, .needsPostgres)
struct SharedCatalogTests {
    /// `run`, `status`, `submit` and `worker` with the catalog in PostgreSQL: nothing is written to a SQLite file,
    /// `status` there lists what the SQLite catalog would, and the queue defaults to the catalog's database.
    @Test func commandsUseTheDatabaseCatalog() throws {
        let (server, root, workspace) = try Self.scratch(clips: ["one.wav", "two.wav"])
        defer { server.stop() }
        let run = try CLIRunner.run(
            ["run", root + "/one.wav", "--workspace", workspace, "--catalog", server.url] + Self.tinyModel)
        #expect(run.status == 0, "\(run.stderr)")
        let submitted = try CLIRunner.run([
            "submit", root + "/two.wav", "--workspace", workspace, "--catalog", server.url,
        ])
        #expect(submitted.status == 0, "\(submitted)")
        let worker = try CLIRunner.run(
            [
                "worker", "--until-idle", "--workspace", workspace, "--catalog", server.url,
                "--poll", "0.5",
            ] + Self.tinyModel)
        #expect(worker.status == 0, "\(worker.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace + "/catalog.sqlite"), "nothing went to SQLite")

        let status = try CLIRunner.run(["status", "--workspace", workspace, "--catalog", server.url])
        #expect(
            status.status == 0 && status.stdout.contains("one.wav") && status.stdout.contains("two.wav"), "\(status)")
        let empty = try CLIRunner.run(["status", "--workspace", workspace])
        #expect(empty.stdout.hasPrefix("no catalog in"), "without --catalog the workspace's own (absent) file is read")
        let migrate = try CLIRunner.run(["catalog", "migrate", "--workspace", workspace, "--catalog", server.url])
        #expect(migrate.status == 0 && migrate.stdout.contains("already at schema version"), "\(migrate)")
    }

    /// A workspace processed with its SQLite catalog, copied into PostgreSQL: `status` reads the same from both,
    /// and a second copy into the now-filled database is refused.
    @Test func copyMovesAWorkspaceCatalog() throws {
        let (server, root, workspace) = try Self.scratch(clips: ["three.wav"])
        defer { server.stop() }
        let run = try CLIRunner.run(["run", root + "/three.wav", "--workspace", workspace] + Self.tinyModel)
        #expect(run.status == 0, "\(run.stderr)")
        let copy = try CLIRunner.run(["catalog", "copy", "--workspace", workspace, "--to", server.url])
        #expect(copy.status == 0 && copy.stdout.contains("broadcasts: 1\n"), "\(copy)")
        let local = try CLIRunner.run(["status", "--workspace", workspace])
        let shared = try CLIRunner.run(["status", "--workspace", workspace, "--catalog", server.url])
        #expect(local.status == 0 && local.stdout.contains("three.wav"), "\(local)")
        #expect(shared.stdout == local.stdout)
        let again = try CLIRunner.run(["catalog", "copy", "--workspace", workspace, "--to", server.url])
        #expect(again.status != 0 && again.stderr.contains("copy into an empty catalog"), "\(again)")
    }

    /// Two `serve` processes over one database catalog both list what is processed, including a show processed
    /// after they started.
    @Test func twoServersShareTheCatalog() throws {
        let (server, root, workspace) = try Self.scratch(clips: ["early.wav", "late.wav"])
        defer { server.stop() }
        let first = try CLIRunner.run(
            ["run", root + "/early.wav", "--workspace", workspace, "--catalog", server.url] + Self.tinyModel)
        #expect(first.status == 0, "\(first.stderr)")
        let servers = try (0..<2).map { index in
            try CLIRunner.start(
                ["serve", "--workspace", workspace, "--catalog", server.url, "--port", "0"],
                log: URL(fileURLWithPath: root + "/serve-\(index).log"))
        }
        defer { for process in servers { process.terminate(); process.waitUntilExit() } }
        let ports = try (0..<2).map { index in try #require(Self.port(log: root + "/serve-\(index).log")) }
        #expect(Set(ports).count == 2)
        for port in ports {
            let page = try #require(LocalHTTP.get(port: port, "/"))
            #expect(page.status.contains("200") && page.body.contains("early.wav"), "\(page.status)")
        }
        let second = try CLIRunner.run(
            ["run", root + "/late.wav", "--workspace", workspace, "--catalog", server.url] + Self.tinyModel)
        #expect(second.status == 0, "\(second.stderr)")
        for port in ports {
            #expect(LocalHTTP.get(port: port, "/")?.body.contains("late.wav") == true, "listed without a restart")
        }
    }

    private static let tinyModel = ["--model", CLIRunner.tinyModel, "--threads", "1"]

    /// A private server, a scratch folder (`root`, with `workspace` to be in it) and half-second recordings named
    /// `clips` written there, each a different recording.
    private static func scratch(clips: [String]) throws -> (server: PrivatePostgres, root: String, workspace: String) {
        let root = try CLIRunner.temporaryDirectory().path
        for (variant, name) in clips.enumerated() {
            try TestClips.wav(seconds: 0.5, variant: variant + 1).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        return (try PrivatePostgres(), root, root + "/ws")
    }

    /// The port a `serve` process announced on its log, once it has.
    static func port(log: String) -> Int? {
        var port: Int?
        _ = CLIRunner.wait(timeout: 60) {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            guard let range = text.range(of: "dashboard: http://127.0.0.1:") else { return false }
            port = Int(text[range.upperBound...].prefix { $0.isNumber })
            return port != nil
        }
        return port
    }
}
