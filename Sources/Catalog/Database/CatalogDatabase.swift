/// Where the catalog's rows live: the SQLite file beside a workspace, or a shared PostgreSQL database.
/// Writes are serialised (one writer at a time, on either engine), so read-then-write transactions never
/// lose an update; reads see one consistent snapshot.
protocol CatalogDatabase: Sendable {
    /// The database as messages name it (a file path, or a URL without its password).
    var location: String { get }
    /// The engine's dialect.
    var dialect: SQLDialect { get }
    /// The schema version (migrations applied) the database had when it was opened: 0 for a new one.
    var versionFound: Int { get }
    /// Runs `body` in a write transaction; committed when it returns, rolled back when it throws.
    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Runs `body` on a read-only snapshot.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
}
