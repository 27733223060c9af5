import ArgumentParser
import Catalog
import Checkpoints
import Commerce
import Foundation
import Pipeline

extension LiveInsight.Recommend {
    /// `liveinsight recommend top`: top-N items per category, by buyers or by conversion in the shows.
    struct Top: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Top items per category: the most bought, or the best converting in the shows.",
            discussion: """
                --by popular counts distinct buyers (shop and shows, from the catalog); --by conversion reads every \
                broadcast's event log in the workspace: of the viewers who carted or bought an item in a show, the \
                share who bought it (items with fewer than --min-interested such viewers are left out). Categories \
                come from the order files' category column. --json prints {measure, categories: {name: [{item, \
                text, buyers, interested, conversion}]}}.
                """)

        @OptionGroup var workspace: WorkspaceOption
        @Option(help: "popular or conversion.") var by: CategoryRanking.Measure = .popular
        @Option(help: "Items per category.") var top = 10
        @Option(help: "Fewest interested viewers for a conversion rate.") var minInterested = 5
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let workspace = workspace.resolved
            guard let catalog = try self.workspace.existingCatalog(of: workspace) else {
                throw CLIError("no catalog in \(workspace.root): import orders first (liveinsight orders import FILE)")
            }
            let logs = by == .conversion ? try catalog.broadcastEventLogs(workspace: workspace).map(\.log) : []
            let ranking = CategoryRanking(
                measure: by, purchases: try catalog.purchases(), items: try catalog.items(), logs: logs,
                top: top, minimumInterested: minInterested)
            if json { print(try JSONOutput.encode(ranking)); return }
            for (category, entries) in ranking.categories.sorted(by: { $0.key < $1.key }) {
                print("\(category):")
                for (rank, entry) in entries.enumerated() {
                    let figure =
                        entry.conversion.map { String(format: "%.1f %% of %d", $0 * 100, entry.interested ?? 0) }
                        ?? "\(entry.buyers) buyers"
                    print("  \(rank + 1). \(entry.item) \(entry.text)  (\(figure))")
                }
            }
        }
    }
}

extension CategoryRanking.Measure: ExpressibleByArgument {}
