import Accounts
import Testing

/// bcrypt hashing: salted per hash, cost recorded, length limits enforced.
@Suite struct PasswordHasherTests {
    /// Cost 4 (bcrypt's least) keeps the suite fast; the cost is in the hash, so verification follows it.
    let hasher = PasswordHasher(cost: 4)

    /// The right password verifies, a wrong one (even one character off) does not.
    @Test func verifiesOnlyTheRightPassword() throws {
        let hash = try hasher.hash("보습 크림 좋아요 123")
        #expect(hasher.verify("보습 크림 좋아요 123", against: hash))
        #expect(!hasher.verify("보습 크림 좋아요 124", against: hash))
        #expect(!hasher.verify("", against: hash))
    }

    /// Two hashes of one password differ (a fresh salt each time) and both verify; the cost is recorded.
    @Test func saltsEveryHash() throws {
        let first = try hasher.hash("correct horse battery")
        let second = try hasher.hash("correct horse battery")
        #expect(first != second)
        #expect(
            hasher.verify("correct horse battery", against: first)
                && hasher.verify("correct horse battery", against: second))
        #expect(first.hasPrefix("$2b$04$") || first.hasPrefix("$2a$04$") || first.hasPrefix("$2y$04$"), "\(first)")
        #expect(PasswordHasher().cost == PasswordHasher.defaultCost && PasswordHasher.defaultCost >= 10)
    }

    /// Too short is refused; longer than bcrypt's 72 bytes is refused rather than silently cut.
    @Test func refusesPasswordsBcryptCannotProtect() {
        #expect(throws: AccountsError.self) { try hasher.hash("short") }
        #expect(throws: AccountsError.self) { try hasher.hash(String(repeating: "가", count: 25)) }  // 75 bytes
        #expect((try? hasher.hash(String(repeating: "가", count: 24))) != nil)  // 72 bytes
    }

    /// Account names: letters, digits and . _ - only, 1–64 of them.
    @Test func checksAccountNames() {
        #expect(Account.isValidName("kim.analyst_2"))
        #expect(!Account.isValidName("") && !Account.isValidName("a b") && !Account.isValidName("<admin>"))
        #expect(!Account.isValidName(String(repeating: "a", count: 65)))
    }

    /// Roles: viewers read, analysts also contribute, only admins moderate.
    @Test func rolesAllowWhatTheyDocument() {
        #expect(Role.viewer.allows(.read) && !Role.viewer.allows(.contribute) && !Role.viewer.allows(.moderate))
        #expect(Role.analyst.allows(.contribute) && !Role.analyst.allows(.moderate))
        #expect(Role.admin.allows(.moderate))
    }
}
