/// What went wrong with the job queue, each case saying what to check.
public enum JobQueueError: Error, Equatable, CustomStringConvertible {
    /// The database refused or failed a statement.
    case database(operation: String, detail: String)
    /// No connection to the queue's database came within the connect timeout.
    case unreachable(address: String, seconds: Double)

    /// The message for the user, naming the address or operation and what to do.
    public var description: String {
        switch self {
        case .unreachable(let address, let seconds):
            "job queue at \(address): no connection within \(Int(seconds)) s (is the server running, is the URL right?)"
        case .database(let operation, let detail):
            "job queue: \(operation) failed: \(detail)"
        }
    }
}
