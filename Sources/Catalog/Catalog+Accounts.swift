import Accounts
import Checkpoints
import Foundation

/// The dashboard's accounts (`accounts` table): name, role, bcrypt hash.
extension Catalog: AccountStore {
    public func account(named name: String) throws(PipelineError) -> Account? {
        try read { db in
            try db.query("SELECT name, role, password_hash FROM accounts WHERE name = ?", [name]).first.map(
                Self.account)
        }
    }

    public func accounts() throws(PipelineError) -> [Account] {
        try read { db in try db.query("SELECT name, role, password_hash FROM accounts ORDER BY name").map(Self.account)
        }
    }

    public func addAccount(_ account: Account) throws {
        guard Account.isValidName(account.name) else { throw AccountsError.invalidName(account.name) }
        try write { db in
            guard try !db.exists("SELECT 1 FROM accounts WHERE name = ?", [account.name]) else {
                throw AccountsError.exists(account.name)
            }
            try db.execute(
                "INSERT INTO accounts (name, role, password_hash, created) VALUES (?, ?, ?, ?)",
                [account.name, account.role.rawValue, account.passwordHash, Date()])
        }
    }

    public func removeAccount(named name: String) throws(PipelineError) -> Bool {
        try write { db in try db.execute("DELETE FROM accounts WHERE name = ?", [name]) > 0 }
    }

    public func setPasswordHash(_ hash: String, named name: String) throws(PipelineError) -> Bool {
        try write { db in try db.execute("UPDATE accounts SET password_hash = ? WHERE name = ?", [hash, name]) > 0 }
    }

    private static func account(_ row: SQLRow) throws -> Account {
        Account(name: try row[0], role: Role(rawValue: try row[1]) ?? .viewer, passwordHash: try row[2])
    }
}
