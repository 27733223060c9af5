import Foundation
import PrivatePostgres
import Testing

@testable import Catalog

/// The engines a catalog test runs on: SQLite always, PostgreSQL where a private server can start (`make test`
/// installs it; elsewhere the PostgreSQL cases are left out with a note, see `PrivatePostgres.unavailableReason`).
enum CatalogEngine: String, CustomTestStringConvertible {
    case sqlite, postgresql

    static let available: [CatalogEngine] = {
        guard let reason = PrivatePostgres.unavailableReason else { return [.sqlite, .postgresql] }
        print("note: catalog tests on PostgreSQL left out: \(reason)")
        return [.sqlite]
    }()

    var testDescription: String { rawValue }
}

/// A new, empty catalog on one engine: a SQLite file in a scratch folder, or a database on a private PostgreSQL
/// server of its own, stopped when this is released.
final class ScratchCatalog: Sendable {
    /// Where it lives.
    let location: CatalogLocation
    /// An open connection to it.
    let catalog: Catalog
    /// The server, for PostgreSQL.
    let server: PrivatePostgres?

    init(_ engine: CatalogEngine) throws {
        switch engine {
        case .sqlite:
            server = nil
            location = .sqlite(try Fixtures.scratchFolder() + "/catalog.sqlite")
        case .postgresql:
            let server = try PrivatePostgres()
            self.server = server
            location = try CatalogLocation(server.url)
        }
        catalog = try Catalog(location)
    }

    /// Another, separately opened catalog on the same database (another process would hold one like it).
    func reopened() throws -> Catalog { try Catalog(location) }

    deinit { server?.stop() }
}
