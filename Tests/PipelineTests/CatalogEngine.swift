import Foundation
import PrivatePostgres
import Testing

@testable import Catalog
@testable import Checkpoints

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

/// Where a command's catalog is: `--catalog`, else `$LIVEINSIGHT_CATALOG`, else the workspace's SQLite file.
struct CatalogLocationTests {
    @Test func optionThenVariableThenWorkspaceFile() throws {
        let workspace = Workspace(root: "/shows")
        let variable = [CatalogLocation.environmentVariable: "postgresql://li@db/shows"]
        #expect(try CatalogLocation.of(workspace, given: nil, environment: [:]).description == "/shows/catalog.sqlite")
        #expect(
            try CatalogLocation.of(workspace, given: nil, environment: variable).description
                == "postgresql://li@db/shows")
        #expect(
            try CatalogLocation.of(workspace, given: "/elsewhere.sqlite", environment: variable).description
                == "/elsewhere.sqlite")
        let hidden = try CatalogLocation("postgres://li:secret@db:6000/shows")
        #expect(hidden.description == "postgres://li:***@db:6000/shows" && hidden.mayExist)
        #expect(throws: PipelineError.self) { try CatalogLocation("postgresql://db/shows") }
    }
}
