import HummingbirdBcrypt

/// Hashes and checks passwords with bcrypt (hummingbird-auth's `Bcrypt`): a fresh random 16-byte salt per
/// hash, stored inside the hash string with the cost, so every account has its own salt.
///
/// The cost is log2 of the key-expansion rounds: the default 12 (4,096 rounds) keeps sign-in usable (a whole
/// `liveinsight users passwd` took 0.5–0.6 s on the 2-core development machine, debug build, load 6) and makes
/// guessing a stolen hash slow (OWASP's password storage cheat sheet asks for at least 10). Tests use cost 4.
public struct PasswordHasher: Sendable {
    /// log2 of the bcrypt rounds (4–31; default ``defaultCost``).
    public let cost: UInt8
    /// The cost used unless one is given: 12.
    public static let defaultCost: UInt8 = 12
    /// Shortest password accepted, in characters.
    public static let minimumLength = 10
    /// bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused.
    public static let maximumBytes = 72

    /// A hasher with `cost` (clamped to bcrypt's 4–31).
    public init(cost: UInt8 = defaultCost) { self.cost = min(max(cost, 4), 31) }

    /// The bcrypt hash of `password`; throws ``AccountsError/weakPassword(_:)`` when it is too short or too long.
    public func hash(_ password: String) throws(AccountsError) -> String {
        try Self.check(password)
        return Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`. Takes as long as hashing, whatever the answer.
    public func verify(_ password: String, against hash: String) -> Bool {
        password.utf8.count <= Self.maximumBytes && Bcrypt.verify(password, hash: hash)
    }

    /// Refuses passwords shorter than ``minimumLength`` characters or longer than ``maximumBytes`` UTF-8 bytes.
    public static func check(_ password: String) throws(AccountsError) {
        guard password.count >= minimumLength else {
            throw .weakPassword("the password needs at least \(minimumLength) characters")
        }
        guard password.utf8.count <= maximumBytes else {
            throw .weakPassword(
                "the password is longer than bcrypt's \(maximumBytes) bytes (a Hangul syllable takes 3)")
        }
    }
}
