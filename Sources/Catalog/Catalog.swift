import Checkpoints
import Foundation
import PostgresSupport

/// The catalog of a workspace: broadcasts, jobs, stage runs, keyword lists, orders and the team's rows. It lives
/// in the SQLite file beside the workspace (`catalog.sqlite`, the default) or in a shared PostgreSQL database
/// (`--catalog postgresql://…`) for many machines over one shared workspace; the same statements run on both.
/// Safe to share between threads and processes: writes run one at a time, reads on consistent snapshots.
public final class Catalog: Sendable {
    /// Where the catalog lives, as messages name it: a file path, or a URL without its password.
    public let path: String
    let database: any CatalogDatabase

    /// Opens (creating and migrating if needed) the catalog at `location`.
    public init(_ location: CatalogLocation) throws(PipelineError) {
        path = location.description
        do {
            switch location {
            case .sqlite(let file): database = try SQLiteCatalogDatabase(path: file)
            case .postgresql(let address): database = try PostgresCatalogDatabase(address: address)
            }
        } catch {
            throw .catalog(path: location.description, detail: "\(error)")
        }
    }

    /// Opens (creating and migrating if needed) the SQLite catalog at `path`.
    public convenience init(path: String) throws(PipelineError) { try self.init(.sqlite(path)) }

    /// The schema version the catalog had when it was opened (0: created now), and the one it has now (this
    /// version's newest: opening migrates).
    public var schemaVersion: (found: Int, current: Int) { (database.versionFound, CatalogSchema.migrations.count) }

    /// Runs `body` in a write transaction, reporting database errors as `PipelineError.catalog`.
    @discardableResult
    func write<T>(_ body: (any SQLSession) throws -> T) throws(PipelineError) -> T {
        do { return try database.write(body) } catch let error as PipelineError { throw error } catch {
            throw .catalog(path: path, detail: "\(error)")
        }
    }

    /// Runs `body` on a read snapshot, reporting database errors as `PipelineError.catalog`.
    func read<T>(_ body: (any SQLSession) throws -> T) throws(PipelineError) -> T {
        do { return try database.read(body) } catch let error as PipelineError { throw error } catch {
            throw .catalog(path: path, detail: "\(error)")
        }
    }
}
