import Checkpoints
import Foundation
import GRDB

/// The catalog in a SQLite file (through GRDB). Safe to share between threads and processes: WAL mode, a busy
/// timeout, and every write in an IMMEDIATE transaction, so one writer at a time and no lost updates.
final class SQLiteCatalogDatabase: CatalogDatabase {
    let location: String
    var dialect: SQLDialect { .sqlite }
    let versionFound: Int
    private let pool: DatabasePool

    /// How long a write waits for another process's write before failing.
    static let busyTimeout: TimeInterval = 30

    /// Opens (creating and migrating if needed) the database at `path`. Opening and migrating happen under a
    /// file lock beside it, so processes starting together do not race on the schema.
    init(path: String) throws {
        location = path
        let lock = try FileLock(path: path + ".lock")
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "catalog"
        pool = try DatabasePool(path: path, configuration: configuration)
        let migrator = CatalogSchema.sqliteMigrator
        versionFound = try pool.read { try migrator.appliedIdentifiers($0).count }
        try migrator.migrate(pool)
        withExtendedLifetime(lock) {}
    }

    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.write { db in try body(SQLiteSession(db: db)) }
    }

    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.read { db in try body(SQLiteSession(db: db)) }
    }
}

/// One SQLite transaction's statements, prepared once per connection and reused.
private struct SQLiteSession: SQLSession {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> Int {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
        return db.changesCount
    }

    func query(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let columns = statement.columnNames
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        var rows: [SQLRow] = []
        while let row = try cursor.next() {
            rows.append(SQLRow(columns: columns, values: row.databaseValues.map(Self.value)))
        }
        return rows
    }

    private static func arguments(_ values: [any SQLValueConvertible]) -> StatementArguments {
        StatementArguments(
            values.map { value -> DatabaseValue in
                switch value.sqlValue {
                case .null: .null
                case .integer(let integer): integer.databaseValue
                case .real(let real): real.databaseValue
                case .text(let text): text.databaseValue
                case .date(let date): date.databaseValue
                }
            })
    }

    private static func value(_ stored: DatabaseValue) -> SQLValue {
        switch stored.storage {
        case .null: .null
        case .int64(let integer): .integer(integer)
        case .double(let real): .real(real)
        case .string(let text): .text(text)
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }
}
