/// What went wrong with the job queue, each case saying what to check.
public enum JobQueueError: Error, Equatable, CustomStringConvertible {
    /// The queue's address is not a PostgreSQL URL this tool understands.
    case invalidAddress(String, reason: String)
    /// The database refused or failed a statement.
    case database(operation: String, detail: String)
    /// No connection to the queue's database came within the connect timeout.
    case unreachable(address: String, seconds: Double)
    /// The database's queue schema is newer than this tool knows (a newer version migrated it).
    case schemaTooNew(found: Int, known: Int)

    /// The message for the user, naming the address or operation and what to do.
    public var description: String {
        switch self {
        case .invalidAddress(let address, let reason):
            "queue address '\(address)': \(reason) (expected postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE)"
        case .unreachable(let address, let seconds):
            "job queue at \(address): no connection within \(Int(seconds)) s (is the server running, is the URL right?)"
        case .database(let operation, let detail):
            "job queue: \(operation) failed: \(detail)"
        case .schemaTooNew(let found, let known):
            "job queue: the database's queue schema is version \(found), this tool knows up to \(known): "
                + "upgrade liveinsight"
        }
    }
}
