import Accounts
import Catalog
import Checkpoints
import Foundation
import Testing

/// `liveinsight users` as the real binary: passwords from standard input only, stored as bcrypt hashes.
struct UsersCommandTests {
    /// `add` reads the password from stdin, stores a salted bcrypt hash and the role; `list` shows them; the
    /// password verifies against the stored hash and appears nowhere in the catalog.
    @Test func addsAccountsWithHashedPasswords() throws {
        let workspace = try CLIRunner.temporaryDirectory().path
        let added = try CLIRunner.run(
            ["users", "add", "--workspace", workspace, "kim", "--role", "analyst"],
            input: "보습 크림 비밀번호 1\n")
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try CLIRunner.run(["users", "list", "--workspace", workspace])
        #expect(listed.stdout == "kim\tanalyst\n")
        let catalogPath = workspace + "/catalog.sqlite"
        let account = try #require(try Catalog(path: catalogPath).account(named: "kim"))
        #expect(
            account.passwordHash.hasPrefix("$2") && account.passwordHash.contains("$\(PasswordHasher.defaultCost)$"))
        #expect(PasswordHasher().verify("보습 크림 비밀번호 1", against: account.passwordHash))
        let file = try Data(contentsOf: URL(fileURLWithPath: catalogPath))
        #expect(file.range(of: Data("보습 크림 비밀번호 1".utf8)) == nil)
    }

    /// There is no way to give the password on the command line; short passwords and taken names are refused.
    @Test func refusesPasswordsOnTheCommandLineAndWeakOnes() throws {
        let workspace = try CLIRunner.temporaryDirectory().path
        let argv = try CLIRunner.run(
            ["users", "add", "--workspace", workspace, "kim", "--password", "secret secret"],
            input: "correct horse battery\n")
        #expect(argv.status != 0 && argv.stderr.contains("--password"), "\(argv.stderr)")
        let short = try CLIRunner.run(["users", "add", "--workspace", workspace, "kim"], input: "short\n")
        #expect(short.status != 0 && short.stderr.contains("at least 10 characters"), "\(short.stderr)")
        _ = try CLIRunner.run(["users", "add", "--workspace", workspace, "kim"], input: "correct horse battery\n")
        let again = try CLIRunner.run(
            ["users", "add", "--workspace", workspace, "kim"], input: "correct horse battery\n")
        #expect(again.status != 0 && again.stderr.contains("already exists"), "\(again.stderr)")
    }

    /// `passwd` replaces the hash; `remove` deletes the account, and says so when there is none.
    @Test func changesPasswordsAndRemovesAccounts() throws {
        let workspace = try CLIRunner.temporaryDirectory().path
        _ = try CLIRunner.run(["users", "add", "--workspace", workspace, "lee"], input: "correct horse battery\n")
        let changed = try CLIRunner.run(
            ["users", "passwd", "--workspace", workspace, "lee"], input: "new horse battery\n")
        #expect(changed.status == 0, "\(changed.stderr)")
        let hash = try #require(try Catalog(path: workspace + "/catalog.sqlite").account(named: "lee")).passwordHash
        #expect(PasswordHasher().verify("new horse battery", against: hash))
        #expect(!PasswordHasher().verify("correct horse battery", against: hash))
        #expect(try CLIRunner.run(["users", "remove", "--workspace", workspace, "lee"]).status == 0)
        let missing = try CLIRunner.run(["users", "remove", "--workspace", workspace, "lee"])
        #expect(missing.status != 0 && missing.stderr.contains("no account named 'lee'"), "\(missing.stderr)")
    }

    /// Serving beyond loopback without accounts is refused with the way out.
    @Test func serveRefusesTheNetworkWithoutAccounts() throws {
        let workspace = try CLIRunner.temporaryDirectory().path
        _ = try Catalog(path: workspace + "/catalog.sqlite")
        let result = try CLIRunner.run(["serve", workspace, "--host", "0.0.0.0", "--port", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("needs accounts") && result.stderr.contains("users add"), "\(result.stderr)")
    }
}
