/// Why an account could not be created or changed.
public enum AccountsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name is not 1–64 letters, digits, `.`, `_` or `-`.
    case invalidName(String)
    /// An account of that name already exists.
    case exists(String)
    /// No account of that name.
    case unknown(String)
    /// The password is too short or too long for bcrypt.
    case weakPassword(String)

    public var description: String {
        switch self {
        case .invalidName(let name): "'\(name)' is not a valid account name: use 1–64 letters, digits, '.', '_' or '-'"
        case .exists(let name): "an account named '\(name)' already exists (change its password with `users passwd`)"
        case .unknown(let name): "no account named '\(name)'"
        case .weakPassword(let reason): reason
        }
    }
}
