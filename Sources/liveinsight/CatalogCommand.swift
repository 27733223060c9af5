import ArgumentParser
import Catalog
import Foundation

extension LiveInsight {
    /// `liveinsight catalog migrate|copy`: bringing a catalog's schema up to date, and moving a workspace's catalog
    /// between SQLite and PostgreSQL.
    struct CatalogCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "Migrate a catalog's schema, or copy a workspace's catalog into a shared PostgreSQL database.",
            subcommands: [Migrate.self, Copy.self])

        /// `liveinsight catalog migrate`: creates the catalog's tables, or brings them to this version's schema.
        struct Migrate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create the catalog's tables, or bring them up to this version's schema.",
                discussion: """
                    Every command migrates the catalog it opens; this does it alone, for example before starting \
                    workers on a new database. Safe to run while other processes use the catalog.
                    """)

            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                let catalog = try workspace.openCatalog()
                let (found, current) = catalog.schemaVersion
                let change =
                    found == current
                    ? "already at schema version \(current)" : "schema version \(found) → \(current)"
                print("catalog \(catalog.path): \(change)")
            }
        }

        /// `liveinsight catalog copy --to URL`: the workspace's catalog copied, rows and ids, into an empty one.
        struct Copy: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Copy every row of a catalog into an empty one (SQLite → PostgreSQL, or back).",
                discussion: """
                    Copies from --catalog (default: the workspace's catalog.sqlite) into --to, in one transaction: \
                    all of it or, on any error, nothing. The target must hold no rows. Stop the workspace's \
                    watchers and workers first, then point them at the new catalog with --catalog or \
                    $\(CatalogLocation.environmentVariable).
                    """)

            @OptionGroup var workspace: WorkspaceOption

            @Option(
                help: ArgumentHelp(
                    "The catalog to copy into: a postgresql:// URL or a SQLite file.", valueName: "url-or-file"))
            var to: String

            func run() throws {
                let source = try workspace.catalogLocation(), destination = try CatalogLocation(to)
                guard source.mayExist else { throw CLIError("no catalog at \(source): nothing to copy") }
                guard source.description != destination.description else {
                    throw CLIError("--to names the catalog being copied")
                }
                let from = try Catalog(source)
                let target = try Catalog(destination)
                let copied = try from.copy(into: target)
                for (table, rows) in copied where rows > 0 { print("\(table): \(rows)") }
                print("copied \(copied.map(\.rows).reduce(0, +)) rows from \(from.path) to \(target.path)")
            }
        }
    }
}
