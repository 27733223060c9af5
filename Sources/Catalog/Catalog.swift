import Checkpoints
import Foundation
import GRDB

/// The workspace's SQLite catalog (`catalog.sqlite`, through GRDB): broadcasts, jobs, stage runs and
/// keyword lists. Safe to share between threads and between processes: WAL mode, a busy timeout, and
/// every write in an IMMEDIATE transaction, so one writer at a time and no lost updates.
public final class Catalog: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// How long a write waits for another process's write before failing. Default 30 s.
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating and migrating if needed) the catalog at `path`. Opening and migrating happen
    /// under a file lock beside the database, so processes starting together do not race on the schema.
    public init(path: String) throws(PipelineError) {
        self.path = path
        let lock = try FileLock(path: path + ".lock")
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "catalog"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try CatalogSchema.migrator.migrate(pool)
        } catch {
            throw .catalog(path: path, detail: "\(error)")
        }
        withExtendedLifetime(lock) {}
    }

    /// Runs `body` in a write transaction, reporting database errors as `PipelineError.catalog`.
    func write<T>(_ body: (Database) throws -> T) throws(PipelineError) -> T {
        do { return try pool.write(body) } catch let error as PipelineError { throw error } catch {
            throw .catalog(path: path, detail: "\(error)")
        }
    }

    /// Runs `body` on a read snapshot, reporting database errors as `PipelineError.catalog`.
    func read<T>(_ body: (Database) throws -> T) throws(PipelineError) -> T {
        do { return try pool.read(body) } catch let error as PipelineError { throw error } catch {
            throw .catalog(path: path, detail: "\(error)")
        }
    }
}
