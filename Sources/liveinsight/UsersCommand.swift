import Accounts
import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import Pipeline

extension LiveInsight {
    /// `liveinsight users add|remove|passwd|list`: the dashboard's accounts, kept in the workspace catalog.
    struct Users: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the dashboard's accounts (admin, analyst, viewer).",
            discussion: """
                Passwords are read at a prompt (typed twice, not shown) or, when standard input is not a terminal, \
                as one line from it; never from the command line. They are stored as bcrypt hashes (cost \
                \(PasswordHasher.defaultCost), a random salt per account). With an account in the catalog, \
                `serve` asks everyone to sign in.
                """,
            subcommands: [Add.self, Remove.self, Passwd.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add an account; its password is read from the prompt or stdin.")
            @OptionGroup var workspace: WorkspaceOption
            @Argument(help: "Account name (letters, digits, '.', '_', '-').") var name: String
            @Option(help: "admin, analyst or viewer.") var role: Role = .viewer

            func run() throws {
                guard Account.isValidName(name) else { throw AccountsError.invalidName(name) }
                let catalog = try workspace.openCatalog()
                let hash = try PasswordHasher().hash(try PasswordPrompt.read())
                try catalog.addAccount(Account(name: name, role: role, passwordHash: hash))
                printToStandardError("added \(name) (\(role.rawValue))")
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove an account.")
            @OptionGroup var workspace: WorkspaceOption
            @Argument(help: "Account name.") var name: String

            func run() throws {
                guard try workspace.openCatalog().removeAccount(named: name) else { throw AccountsError.unknown(name) }
                printToStandardError("removed \(name) (a running dashboard signs it out at its next request)")
            }
        }

        struct Passwd: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Set an account's password, read from the prompt or stdin.")
            @OptionGroup var workspace: WorkspaceOption
            @Argument(help: "Account name.") var name: String

            func run() throws {
                let catalog = try workspace.openCatalog()
                guard try catalog.account(named: name) != nil else { throw AccountsError.unknown(name) }
                _ = try catalog.setPasswordHash(try PasswordHasher().hash(try PasswordPrompt.read()), named: name)
                printToStandardError("password of \(name) changed")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the accounts and their roles.")
            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                for account in try workspace.openCatalog().accounts() {
                    print("\(account.name)\t\(account.role.rawValue)")
                }
            }
        }
    }
}

extension Role: ExpressibleByArgument {}
