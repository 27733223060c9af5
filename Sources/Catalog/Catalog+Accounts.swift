import Accounts
import Checkpoints
import Foundation
import GRDB

/// The dashboard's accounts (`accounts` table): name, role, bcrypt hash.
extension Catalog: AccountStore {
    public func account(named name: String) throws(PipelineError) -> Account? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, role, password_hash FROM accounts WHERE name = ?", arguments: [name]
            )
            .map(Self.account)
        }
    }

    public func accounts() throws(PipelineError) -> [Account] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, password_hash FROM accounts ORDER BY name").map(Self.account)
        }
    }

    public func addAccount(_ account: Account) throws {
        guard Account.isValidName(account.name) else { throw AccountsError.invalidName(account.name) }
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE name = ?", arguments: [account.name]) == nil
            else {
                throw AccountsError.exists(account.name)
            }
            try db.execute(
                sql: "INSERT INTO accounts (name, role, password_hash, created) VALUES (?, ?, ?, ?)",
                arguments: [account.name, account.role.rawValue, account.passwordHash, Date()])
        }
    }

    public func removeAccount(named name: String) throws(PipelineError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM accounts WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    public func setPasswordHash(_ hash: String, named name: String) throws(PipelineError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE accounts SET password_hash = ? WHERE name = ?", arguments: [hash, name])
            return db.changesCount > 0
        }
    }

    private static func account(_ row: Row) -> Account {
        Account(name: row[0], role: Role(rawValue: row[1]) ?? .viewer, passwordHash: row[2])
    }
}
