/// Errors of the Commerce module: each names the file (and line) and what to do.
public enum CommerceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, detail: String)
    case missingColumn(path: String, column: String, header: [String])
    case noPurchases(path: String, detail: String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): "\(path): \(detail)"
        case .missingColumn(let path, let column, let header):
            "\(path): no '\(column)' column (header: \(header.joined(separator: ", ")); expected customer, item, "
                + "quantity, price, time)"
        case .noPurchases(let path, let detail): "\(path): no purchases to work with (\(detail))"
        case .invalidArgument(let detail): detail
        }
    }
}
