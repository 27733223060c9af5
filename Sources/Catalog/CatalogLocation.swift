import Checkpoints
import Foundation
import PostgresSupport

/// Where a workspace's catalog lives: its SQLite file, or a shared PostgreSQL database.
public enum CatalogLocation: Sendable, CustomStringConvertible {
    /// A SQLite file (by default `catalog.sqlite` in the workspace).
    case sqlite(String)
    /// A PostgreSQL database, shared by the machines that mount the workspace.
    case postgresql(PostgresAddress)

    /// Environment variable naming the catalog when `--catalog` is not given.
    public static let environmentVariable = "LIVEINSIGHT_CATALOG"

    /// `text` read as a `postgresql://` URL, or else as a SQLite file path.
    public init(_ text: String) throws(PipelineError) {
        guard PostgresAddress.isURL(text) else {
            self = .sqlite(text)
            return
        }
        do { self = .postgresql(try PostgresAddress(url: text)) } catch {
            throw .catalog(path: "--catalog", detail: error.description)
        }
    }

    /// The catalog of `workspace`: `given` (`--catalog`), else `$LIVEINSIGHT_CATALOG`, else the workspace's
    /// own SQLite file.
    public static func of(
        _ workspace: Workspace, given: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PipelineError) -> CatalogLocation {
        if let text = given ?? environment[environmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
            return try CatalogLocation(text)
        }
        return .sqlite(workspace.catalogPath)
    }

    /// Whether the catalog may already hold something: a database always may; a file only once it exists.
    public var mayExist: Bool {
        switch self {
        case .sqlite(let file): FileManager.default.fileExists(atPath: file)
        case .postgresql: true
        }
    }

    /// The file path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let file): file
        case .postgresql(let address): address.description
        }
    }
}
