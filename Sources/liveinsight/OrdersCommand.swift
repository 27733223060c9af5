import ArgumentParser
import Catalog
import Checkpoints
import Commerce
import Foundation
import Pipeline

extension LiveInsight {
    /// `liveinsight orders import`: order history into the workspace catalog.
    struct Orders: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Order history: import order files and broadcasts' purchases into the catalog.",
            subcommands: [Import.self])

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import an order file (CSV/TSV, .gz too) and the purchases in every broadcast's event log.",
                discussion: """
                    Columns are found by name: customer, item, quantity, price, time, and optionally order, \
                    text (description) and category (Docs/customers.md). Cancelled orders (id starting with C), \
                    returns (quantity < 0), lines without a customer, lines with zero quantity or price and \
                    unreadable lines are counted and left out. Importing the same file again replaces its \
                    purchases. The purchases in every processed broadcast's event log (viewer ids as customers) \
                    are imported too, unless --no-broadcasts.
                    """)

            @Argument(help: "The order file (omit to import only the broadcasts' purchases).")
            var file: String?

            @Flag(inversion: .prefixedNo, help: "Also import the purchases in the broadcasts' event logs.")
            var broadcasts = true

            @OptionGroup var workspace: WorkspaceOption

            @Flag(help: "Print the counts as JSON.")
            var json = false

            func run() throws {
                let workspace = workspace.resolved
                try workspace.create()
                let catalog = try Catalog(try self.workspace.catalogLocation(of: workspace))
                var report: [String: String] = [:]
                if let file {
                    let orders = try OrderImport.read(path: file)
                    let name = (file as NSString).lastPathComponent
                    let counts = String(decoding: try JSONEncoder().encode(orders.counts), as: UTF8.self)
                    try catalog.replacePurchases(
                        source: "file:" + name, kind: "file", path: file, purchases: orders.purchases,
                        items: orders.items, counts: counts)
                    if json {
                        print(try JSONOutput.encode(orders.counts))
                    } else {
                        print("\(file): " + orders.counts.summary)
                        for example in orders.counts.badRowExamples { print("  unreadable \(example)") }
                    }
                    report[name] = orders.counts.summary
                }
                if broadcasts {
                    for line in try catalog.importBroadcastPurchases(workspace: workspace) where !json {
                        print("broadcast " + line)
                    }
                }
                if !json { print("catalog: \(try catalog.purchases().count) purchases in \(catalog.path)") }
            }
        }
    }
}
