import Foundation

/// A person who signs in to the dashboard.
public struct Account: Sendable, Equatable {
    /// The sign-in name (1–64 letters, digits, `.`, `_`, `-`).
    public var name: String
    /// What the account may do.
    public var role: Role
    /// The password's bcrypt hash (``PasswordHasher``): algorithm, cost, salt and digest in one string.
    public var passwordHash: String

    /// An account from its fields.
    public init(name: String, role: Role, passwordHash: String) {
        (self.name, self.role, self.passwordHash) = (name, role, passwordHash)
    }

    /// Whether `name` is a valid sign-in name: 1–64 ASCII letters, digits, `.`, `_` or `-`.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
            }
    }
}

/// Where accounts are kept (the workspace catalog implements it).
public protocol AccountStore: Sendable {
    /// The account called `name`, if any.
    func account(named name: String) throws -> Account?
    /// Every account, by name.
    func accounts() throws -> [Account]
    /// Adds `account`; throws ``AccountsError/exists(_:)`` when the name is taken.
    func addAccount(_ account: Account) throws
    /// Removes the account called `name`; false when there was none.
    func removeAccount(named name: String) throws -> Bool
    /// Replaces the password hash of `name`; false when there is no such account.
    func setPasswordHash(_ hash: String, named name: String) throws -> Bool
}
