import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `liveinsight serve` refusing what it cannot serve, before or as it starts, as the real binary.
struct ServeCommandTests {
    /// Ports outside 0…65535 are refused instead of wrapping to another port.
    @Test(arguments: ["99999", "70000", "65536", "-1"])
    func refusesPortsOutOfRange(port: String) throws {
        let workspace = try CLIRunner.temporaryDirectory().path
        let result = try CLIRunner.run(["serve", "--workspace", workspace, "--port=\(port)"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--port \(port) is not a port"), "\(result.stderr)")
    }

    /// A workspace that does not exist, or a regular file, is refused instead of serving an empty dashboard.
    @Test func refusesMissingOrFileWorkspaces() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let missing = try CLIRunner.run(["serve", "--workspace", folder.path + "/nonexistent", "--port", "0"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nonexistent: no such workspace folder"), "\(missing.stderr)")
        let file = folder.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: file)
        let regular = try CLIRunner.run(["serve", "--workspace", file.path, "--port", "0"])
        #expect(regular.status != 0)
        #expect(regular.stderr.contains("file.txt: not a folder"), "\(regular.stderr)")
    }

    /// The old positional form still names the workspace, with a deprecation note; given with --workspace too,
    /// it is refused rather than one of the two being ignored.
    @Test func positionalWorkspaceIsDeprecated() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let missing = folder.path + "/nonexistent"
        let old = try CLIRunner.run(["serve", missing, "--port", "0"])
        #expect(old.status != 0)
        let note = "`serve FOLDER` is deprecated; use `serve --workspace \(missing)`"
        #expect(old.stderr.contains(note), "\(old.stderr)")
        #expect(old.stderr.contains("nonexistent: no such workspace folder"), "\(old.stderr)")
        let both = try CLIRunner.run(["serve", missing, "--workspace", folder.path, "--port", "0"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("give the workspace once"), "\(both.stderr)")
    }

    /// A port already taken fails with a message that names the address and port.
    @Test func portInUseNamesThePort() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                try #require(bind(listener, generic, length) == 0 && listen(listener, 1) == 0)
                try #require(getsockname(listener, generic, &length) == 0)
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let workspace = try CLIRunner.temporaryDirectory().path
        let log = URL(fileURLWithPath: workspace + "/serve.log")
        let process = try CLIRunner.start(["serve", "--workspace", workspace, "--port", String(port)], log: log)
        let exited = CLIRunner.wait(timeout: 30, until: { !process.isRunning })
        if !exited { process.terminate() }
        process.waitUntilExit()
        let output = try String(contentsOf: log, encoding: .utf8)
        #expect(exited && process.terminationStatus != 0, "\(output)")
        #expect(output.contains("cannot serve on 127.0.0.1:\(port)"), "\(output)")
    }
}
