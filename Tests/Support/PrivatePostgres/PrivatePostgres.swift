import Foundation
import Synchronization

/// A throw-away PostgreSQL server for one test (or one benchmark run): a fresh cluster from `initdb` in a
/// temporary folder, started with `pg_ctl` on a free loopback port with its unix socket in that folder,
/// trust authentication, no fsync (nothing in it outlives the run), stopped and deleted by `stop()`.
///
/// PostgreSQL refuses to run as root, so as root (CI on a fresh Debian machine) the server runs as the
/// unprivileged `postgres` user that Debian's package creates, through `runuser`.
public final class PrivatePostgres: Sendable {
    /// The server's address, e.g. `postgresql://liveinsight@127.0.0.1:54321/postgres`.
    public let url: String
    /// The TCP port it listens on (127.0.0.1 only).
    public let port: Int
    /// Its temporary folder: the cluster (`data/`), the socket and `server.log`.
    public let folder: String
    private let stopped = Mutex(false)

    /// Why no server can start on this machine, or nil when one can: checked once, for `.enabled(if:)`.
    public static let unavailableReason: String? = {
        guard binaries != nil else {
            return "PostgreSQL's server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql"
        }
        if getuid() == 0, getpwnam(serviceUser) == nil {
            return "running as root and there is no unprivileged '\(serviceUser)' user to run PostgreSQL as"
        }
        return nil
    }()

    /// Creates a cluster and starts it; throws with the server's log when it cannot.
    public init() throws {
        guard let binaries = Self.binaries else { throw Failure(Self.unavailableReason ?? "no PostgreSQL") }
        var template = Array("/tmp/liveinsight-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure("cannot make a temporary folder") }
        folder = String(cString: made)
        if getuid() == 0, let user = getpwnam(Self.serviceUser) {
            chown(folder, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        try Self.runAsServiceUser(
            binaries + "/initdb",
            [
                "-D", folder + "/data", "-A", "trust", "-U", Self.superuser,
                "-E", "UTF8", "--locale=C", "--no-sync",
            ])
        var lastFailure: Failure?
        for _ in 0..<3 {  // a free port may be taken between choosing it and the server binding it
            let candidate = try Self.freePort()
            do {
                try Self.runAsServiceUser(binaries + "/pg_ctl", Self.startArguments(folder: folder, port: candidate))
                port = candidate
                url = "postgresql://\(Self.superuser)@127.0.0.1:\(candidate)/postgres"
                return
            } catch let failure as Failure {
                lastFailure = failure
            }
        }
        let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: folder)
        throw Failure("\(lastFailure?.description ?? "pg_ctl start failed")\n\(log)")
    }

    deinit { stop() }

    /// Stops the server (fast shutdown: open sessions are ended) and deletes its folder. Idempotent.
    public func stop() {
        let wasStopped = stopped.withLock { was in
            defer { was = true }; return was
        }
        guard !wasStopped, let binaries = Self.binaries else { return }
        try? Self.runAsServiceUser(binaries + "/pg_ctl", ["stop", "-D", folder + "/data", "-m", "fast", "-w"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Stops the server, keeping its data, so a test can see clients outlive it; `start()` brings it back.
    public func pause() throws {
        guard let binaries = Self.binaries else { return }
        try Self.runAsServiceUser(binaries + "/pg_ctl", ["stop", "-D", folder + "/data", "-m", "fast", "-w"])
    }

    /// Starts a paused server again on the same port.
    public func start() throws {
        guard let binaries = Self.binaries else { return }
        try Self.runAsServiceUser(binaries + "/pg_ctl", Self.startArguments(folder: folder, port: port))
    }

    /// A failure to set the server up, with what the tools printed.
    public struct Failure: Error, CustomStringConvertible {
        /// What failed, with what the tool printed.
        public let description: String
        init(_ description: String) { self.description = description }
    }

    private static let serviceUser = "postgres"
    private static let superuser = "liveinsight"

    /// The newest installed server's `bin` folder (Debian keeps it off the PATH), or `$LIVEINSIGHT_PG_BIN`.
    private static let binaries: String? = {
        let manager = FileManager.default
        if let given = ProcessInfo.processInfo.environment["LIVEINSIGHT_PG_BIN"] { return given }
        let versions = (try? manager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.compactMap(Int.init).sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" }
            .first { folder in ["initdb", "pg_ctl"].allSatisfy { manager.isExecutableFile(atPath: folder + "/" + $0) } }
    }()

    private static func startArguments(folder: String, port: Int) -> [String] {
        let settings =
            "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
            + " -c full_page_writes=off -c max_connections=200"
        return ["start", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60", "-o", settings]
    }

    /// Runs `tool` as the unprivileged service user when this process is root, else as itself, and waits for
    /// it. Spawned and reaped by hand: Foundation's `Process` notices an exit through a pipe the child inherits,
    /// and the server `pg_ctl start` leaves running would inherit it too and hold it open for ever.
    private static func runAsServiceUser(_ tool: String, _ arguments: [String]) throws {
        let user = getuid() == 0 ? ["/usr/sbin/runuser", "-u", serviceUser, "--"] : []
        // From /tmp: the service user may not be allowed into the current folder.
        let command = ["/bin/sh", "-c", "cd /tmp && exec \"$@\"", "sh"] + user + [tool] + arguments
        let outputPath = NSTemporaryDirectory() + "liveinsight-pg-tool-\(UUID().uuidString).log"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure("cannot start \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let printed = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw Failure(
                "\((tool as NSString).lastPathComponent) \(arguments.joined(separator: " ")) failed "
                    + "(status \(status)): \(printed)")
        }
    }

    /// A loopback port nobody listens on right now (the kernel's choice for port 0).
    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure("cannot open a socket to find a free port") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw Failure("cannot bind a socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
