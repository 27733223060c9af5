import ArgumentParser
import Catalog
import Foundation
import PostgresSupport

/// `--queue URL`, how `submit`, `worker` and `queue` name the shared job queue.
struct QueueOption: ParsableArguments {
    /// Environment variable naming the queue when `--queue` is not given.
    static let environmentVariable = "LIVEINSIGHT_QUEUE"

    @Option(
        help: """
            The shared job queue, postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: $LIVEINSIGHT_QUEUE, \
            else the catalog's database when --catalog or $LIVEINSIGHT_CATALOG names one).
            """)
    var queue: String?

    /// The chosen queue's address: `--queue`, else `$LIVEINSIGHT_QUEUE`, else the catalog's PostgreSQL database
    /// (`catalog`: the command's `--catalog`, else `$LIVEINSIGHT_CATALOG`); a usage error when none names one.
    func address(catalog: String? = nil) throws -> PostgresAddress {
        let environment = ProcessInfo.processInfo.environment
        let named = { (text: String?) in text.flatMap { $0.isEmpty ? nil : $0 } }
        let catalogURL = named(catalog ?? environment[CatalogLocation.environmentVariable]).flatMap {
            PostgresAddress.isURL($0) ? $0 : nil
        }
        guard let url = queue ?? named(environment[Self.environmentVariable]) ?? catalogURL else {
            throw ValidationError(
                "no job queue: give --queue postgresql://… or set \(Self.environmentVariable) "
                    + "(or keep the catalog in PostgreSQL: --catalog postgresql://…)")
        }
        return try PostgresAddress(url: url)
    }
}
