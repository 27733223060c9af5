import Foundation
import PostgresNIO

/// Where the queue lives, as a libpq-style URL: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with
/// `?sslmode=disable|prefer|require` (default prefer) and `?host=/socket/folder` for a unix socket.
public struct QueueAddress: Sendable, CustomStringConvertible {
    /// The connection settings for postgres-nio.
    public let configuration: PostgresClient.Configuration
    /// The URL without its password, for logs and messages.
    public let description: String

    /// Parses `url`; throws `.invalidAddress` naming what is wrong.
    public init(url: String) throws(JobQueueError) {
        guard let parts = URLComponents(string: url), ["postgresql", "postgres"].contains(parts.scheme ?? "") else {
            throw .invalidAddress(url, reason: "not a postgresql:// URL")
        }
        let options = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        guard let user = parts.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw .invalidAddress(url, reason: "no user name")
        }
        let password = parts.percentEncodedPassword?.removingPercentEncoding
        let path = parts.percentEncodedPath.removingPercentEncoding ?? ""
        let database = path.hasPrefix("/") ? String(path.dropFirst()) : path
        let port = parts.port ?? 5432
        var configuration: PostgresClient.Configuration
        if let socketFolder = options["host"], socketFolder.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user,
                password: password, database: database.isEmpty ? nil : database)
        } else {
            guard let host = parts.host, !host.isEmpty else { throw .invalidAddress(url, reason: "no host") }
            configuration = .init(
                host: host, port: port, username: user, password: password,
                database: database.isEmpty ? nil : database,
                tls: try Self.tls(options["sslmode"], url))
        }
        configuration.options.maximumConnections = 4  // a worker needs three: its listener, its job, its heartbeat
        self.configuration = configuration
        var shown = parts
        if shown.password != nil { shown.password = "***" }
        description = shown.string ?? url
    }

    private static func tls(_ mode: String?, _ url: String) throws(JobQueueError) -> PostgresClient.Configuration.TLS {
        switch mode ?? "prefer" {
        case "disable": .disable
        case "prefer", "allow": .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": .require(.makeClientConfiguration())
        default: throw .invalidAddress(url, reason: "sslmode '\(mode ?? "")' is not disable, prefer or require")
        }
    }
}
