import Foundation
import PostgresNIO
import PostgresSupport
import Synchronization

/// The catalog in a shared PostgreSQL database (postgres-nio), for many machines over one workspace. The
/// catalog's API is synchronous, as on SQLite: each statement waits on its postgres-nio future, never on an
/// event-loop thread. Writes take one transaction-scoped advisory lock, so writers run one at a time as on SQLite
/// and the catalog's read-then-write transactions keep their meaning; reads run on REPEATABLE READ snapshots.
final class PostgresCatalogDatabase: CatalogDatabase {
    let location: String
    var dialect: SQLDialect { .postgresql }
    let versionFound: Int
    private let address: PostgresAddress
    private let connectSeconds: Double
    private let idle = Mutex<[PostgresConnection]>([])
    private let logger: Logger

    /// Arbitrary but fixed: the advisory lock every catalog write holds until it commits.
    static let writeLock: Int64 = 0x4C49_4341  // "LICA"
    /// Connections kept open between transactions (more are opened while more threads use the catalog).
    static let idleConnections = 4

    /// Connects to the database at `address` and brings the catalog's tables up to date. While the database
    /// cannot be reached, connecting is retried for `connectSeconds`, here and before each later transaction.
    init(address: PostgresAddress, connectSeconds: Double = 30) throws {
        (self.address, self.connectSeconds, location) = (address, connectSeconds, address.description)
        var logger = Logger(label: "liveinsight.catalog")
        logger.logLevel = .critical  // failures reach callers as errors
        self.logger = logger
        let connection = try Self.connect(
            address, seconds: connectSeconds, until: Date(timeIntervalSinceNow: connectSeconds), logger: logger)
        do { versionFound = try CatalogSchema.postgres.migrate(connection, logger: logger).wait() } catch {
            throw PostgresCatalogError(error)
        }
        checkIn(connection)
    }

    deinit {
        for connection in idle.withLock({ $0 }) { try? connection.close().wait() }
    }

    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", lock: true, body)
    }

    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, body)
    }

    /// Runs `body` in a transaction. When the connection is lost before the commit (a database restart),
    /// nothing was written, so the transaction is run again on a new connection, until `connectSeconds` pass.
    private func transaction<T>(begin: String, lock: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
        let deadline = Date(timeIntervalSinceNow: connectSeconds)
        while true {
            let connection = try checkOut(until: deadline)
            let session = PostgresSession(connection: connection, logger: logger)
            var committing = false
            do {
                // Sent without waiting: the connection runs its statements in order, so the body's first statement
                // waits behind them, and a transaction costs one wait more than its statements (the commit).
                let opening = [begin] + (lock ? ["SELECT pg_advisory_xact_lock(\(Self.writeLock))"] : [])
                let opened = opening.map { connection.query(PostgresQuery(unsafeSQL: $0), logger: logger) }
                let value = try body(session)
                do { for statement in opened { _ = try statement.wait() } } catch { throw PostgresCatalogError(error) }
                committing = true
                try session.execute("COMMIT")
                checkIn(connection)
                return value
            } catch {
                guard connection.isClosed else {
                    _ = try? session.execute("ROLLBACK")
                    checkIn(connection)
                    throw error
                }
                if !committing, (error as? PostgresCatalogError)?.connectionLost == true, Date() < deadline { continue }
                throw error
            }
        }
    }

    private func checkOut(until deadline: Date) throws -> PostgresConnection {
        while let connection = idle.withLock({ $0.popLast() }) {
            if !connection.isClosed { return connection }
        }
        return try Self.connect(address, seconds: connectSeconds, until: deadline, logger: logger)
    }

    private func checkIn(_ connection: PostgresConnection) {
        let kept = idle.withLock { idle in
            guard idle.count < Self.idleConnections else { return false }
            idle.append(connection)
            return true
        }
        if !kept { try? connection.close().wait() }
    }

    /// A new connection; refused or lost connections are retried until `deadline`, a server's refusal (a wrong
    /// password, no such database) is not.
    private static func connect(
        _ address: PostgresAddress, seconds: Double, until deadline: Date, logger: Logger
    ) throws -> PostgresConnection {
        while true {
            do {
                return try PostgresConnection.connect(
                    on: PostgresConnection.defaultEventLoopGroup.any(), configuration: address.connectionConfiguration,
                    id: 0, logger: logger
                ).wait()
            } catch {
                let failure = PostgresCatalogError(error)
                guard failure.connectionLost, Date() < deadline else {
                    throw failure.connectionLost
                        ? .unreachable(address: address.description, seconds: seconds) : failure
                }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }
}

/// One PostgreSQL transaction's statements, the catalog's `?` placeholders numbered as PostgreSQL wants them.
private struct PostgresSession: SQLSession {
    let connection: PostgresConnection
    let logger: Logger
    var dialect: SQLDialect { .postgresql }

    func execute(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    func query(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return [] }
        let columns = first.map(\.columnName)
        return try result.rows.map { row in
            do { return SQLRow(columns: columns, values: try row.map(Self.value)) } catch {
                throw PostgresCatalogError(error)
            }
        }
    }

    private func run(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument.sqlValue {
            case .null: bindings.appendNull()
            case .integer(let integer): bindings.append(integer)
            case .real(let real): bindings.append(real)
            case .text(let text): bindings.append(text)
            case .date(let date): bindings.append(date)
            }
        }
        do {
            return try connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings), logger: logger)
                .wait()
        } catch { throw PostgresCatalogError(error) }
    }

    /// `sql` with each `?` outside quotes replaced by `$1`, `$2`, ….
    static func numbered(_ sql: String) -> String {
        var result = "", quoted = false, count = 0
        result.reserveCapacity(sql.utf8.count + 8)
        for character in sql {
            if character == "'" { quoted.toggle() }
            if character == "?" && !quoted {
                count += 1
                result += "$\(count)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .timestamptz, .timestamp: return .date(try cell.decode(Date.self))
        default: return .text(try cell.decode(String.self))
        }
    }
}

/// What went wrong between the catalog and its PostgreSQL database, in words (postgres-nio's own errors hide
/// the server's message from their descriptions).
struct PostgresCatalogError: Error, CustomStringConvertible {
    let description: String
    /// Whether the connection failed or was cut (worth retrying on a new one), rather than a statement refused.
    let connectionLost: Bool

    static func unreachable(address: String, seconds: Double) -> Self {
        Self(
            description:
                "no connection to \(address) within \(Int(seconds)) s (is the server running, is the URL right?)",
            connectionLost: true)
    }

    private init(description: String, connectionLost: Bool) {
        (self.description, self.connectionLost) = (description, connectionLost)
    }

    init(_ error: any Error) {
        if let error = error as? PostgresCatalogError {
            self = error
        } else if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState] ?? ""
                // Class 57 (operator intervention): the server is shutting down or starting up.
                self.init(
                    description: message + (state.isEmpty ? "" : " (\(state))"), connectionLost: state.hasPrefix("57"))
            } else {
                let lost = [.connectionError, .serverClosedConnection, .uncleanShutdown].contains(error.code)
                self.init(
                    description: "\(error.code)" + (error.underlying.map { ": \($0)" } ?? ""), connectionLost: lost)
            }
        } else if error is SchemaTooNew {
            self.init(description: "\(error)", connectionLost: false)
        } else {
            // NIO channel errors (connection refused, reset): the database is not there now.
            self.init(description: "\(error)", connectionLost: true)
        }
    }
}
