import ArgumentParser
import Catalog
import Checkpoints
import Commerce
import Foundation
import Pipeline

/// Where `customers` and `recommend` take purchases from: an order file, else the workspace catalog.
struct OrderSourceOptions: ParsableArguments {
    @Option(help: "An order file (CSV/TSV, .gz too) to read instead of the workspace catalog.")
    var orders: String?

    @OptionGroup var workspace: WorkspaceOption

    /// The purchases, item descriptions and product views.
    func load() throws -> OrderData { try Self.load(orders: orders, workspace: workspace.resolved, option: workspace) }

    /// What the customer commands read: purchases, item descriptions and the broadcasts' product views.
    typealias OrderData = (purchases: [Purchase], items: [ItemInfo], views: [ProductView])

    /// The purchases and item descriptions of `orders` if given (order files hold no views), else the
    /// purchases, items and product views of the workspace's catalog (where `option` says it lives).
    static func load(orders: String?, workspace: Workspace, option: WorkspaceOption) throws -> OrderData {
        if let orders {
            let read = try OrderImport.read(path: orders)
            return (read.purchases, read.items, [])
        }
        guard let catalog = try option.existingCatalog(of: workspace) else {
            throw CLIError(
                "no catalog in \(workspace.root): import orders first (liveinsight orders import "
                    + "FILE) or give --orders FILE"
            )
        }
        let purchases = try catalog.purchases()
        guard !purchases.isEmpty else {
            throw CLIError("the catalog in \(workspace.root) holds no purchases: liveinsight orders import FILE")
        }
        return (purchases, try catalog.items(), try catalog.productViews())
    }
}
