import Foundation
import PostgresNIO

/// A PostgreSQL database named as libpq names one: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with
/// `?sslmode=disable|prefer|require` (default prefer) and `?host=/socket/folder` for a unix socket. The job
/// queue and the catalog read the same URLs.
public struct PostgresAddress: Sendable, CustomStringConvertible {
    /// The connection settings for a postgres-nio connection pool (the job queue's).
    public let clientConfiguration: PostgresClient.Configuration
    /// The connection settings for single postgres-nio connections (the catalog's).
    public let connectionConfiguration: PostgresConnection.Configuration
    /// The URL without its password, for logs and messages.
    public let description: String

    /// Whether `text` is meant as a PostgreSQL URL (rather than, say, a file path).
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Parses `url`; throws `PostgresAddressError` naming what is wrong.
    public init(url: String) throws(PostgresAddressError) {
        guard let parts = URLComponents(string: url), ["postgresql", "postgres"].contains(parts.scheme ?? "") else {
            throw PostgresAddressError(url: url, reason: "not a postgresql:// URL")
        }
        let options = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        guard let user = parts.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw PostgresAddressError(url: url, reason: "no user name")
        }
        let password = parts.percentEncodedPassword?.removingPercentEncoding
        let path = parts.percentEncodedPath.removingPercentEncoding ?? ""
        let database = path.hasPrefix("/") ? String(path.dropFirst()) : path
        let port = parts.port ?? 5432
        var client: PostgresClient.Configuration
        if let socketFolder = options["host"], socketFolder.hasPrefix("/") {
            let socket = socketFolder + "/.s.PGSQL.\(port)"
            client = .init(
                unixSocketPath: socket, username: user, password: password, database: database.isEmpty ? nil : database)
            connectionConfiguration = .init(
                unixSocketPath: socket, username: user, password: password, database: database.isEmpty ? nil : database)
        } else {
            guard let host = parts.host, !host.isEmpty else { throw PostgresAddressError(url: url, reason: "no host") }
            let tls = try Self.tls(options["sslmode"], url)
            client = .init(
                host: host, port: port, username: user, password: password, database: database.isEmpty ? nil : database,
                tls: tls.client)
            connectionConfiguration = .init(
                host: host, port: port, username: user, password: password, database: database.isEmpty ? nil : database,
                tls: tls.connection)
        }
        client.options.maximumConnections = 4  // a worker needs three: its listener, its job, its heartbeat
        clientConfiguration = client
        var shown = parts
        if shown.password != nil { shown.password = "***" }
        description = shown.string ?? url
    }

    private typealias TLSModes = (
        client: PostgresClient.Configuration.TLS, connection: PostgresConnection.Configuration.TLS
    )

    private static func tls(_ mode: String?, _ url: String) throws(PostgresAddressError) -> TLSModes {
        let mode = mode ?? "prefer"
        guard mode != "disable" else { return (.disable, .disable) }
        guard ["prefer", "allow", "require", "verify-ca", "verify-full"].contains(mode) else {
            throw PostgresAddressError(url: url, reason: "sslmode '\(mode)' is not disable, prefer or require")
        }
        let settings = TLSConfiguration.makeClientConfiguration()
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: settings) } catch {
            throw PostgresAddressError(url: url, reason: "TLS cannot be set up: \(error)")
        }
        return ["prefer", "allow"].contains(mode)
            ? (.prefer(settings), .prefer(context)) : (.require(settings), .require(context))
    }
}

/// A PostgreSQL URL this tool cannot use, and why.
public struct PostgresAddressError: Error, Equatable, CustomStringConvertible {
    /// The URL as given.
    public var url: String
    /// What is wrong with it.
    public var reason: String

    public init(url: String, reason: String) { (self.url, self.reason) = (url, reason) }

    public var description: String {
        "'\(url)': \(reason) (expected postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE)"
    }
}
