import ArgumentParser
import Foundation
import PostgresSupport

/// `--queue URL`, how `submit` and `worker` name the shared job queue.
struct QueueOption: ParsableArguments {
    /// Environment variable naming the queue when `--queue` is not given.
    static let environmentVariable = "LIVEINSIGHT_QUEUE"

    @Option(
        help: """
            The shared job queue, postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: $LIVEINSIGHT_QUEUE).
            """)
    var queue: String?

    /// The chosen queue's address; a usage error when neither the option nor the variable names one.
    func address() throws -> PostgresAddress {
        let environment = ProcessInfo.processInfo.environment[Self.environmentVariable]
        guard let url = queue ?? environment.flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw ValidationError("no job queue: give --queue postgresql://… or set \(Self.environmentVariable)")
        }
        return try PostgresAddress(url: url)
    }
}
