import ArgumentParser
import Catalog
import Checkpoints
import Commerce
import Foundation
import Insight
import Pipeline

extension LiveInsight.Recommend {
    /// `liveinsight recommend show ID`: a show's audience by
    /// segment, what its buyers also bought, what to feature next.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "For one show: its viewers by RFM segment, what its buyers also bought, what to feature next time.",
            discussion: """
                Reads the broadcast's event log (viewer ids) from the workspace and the purchases from its catalog \
                (liveinsight orders import). "Feature next" counts how many of the show's viewers have each item in \
                their top-k hybrid recommendations. --json prints {broadcast, viewers, buyers, viewersBySegment, \
                alsoBought: [{item, customers}], alsoViewed: [{item, customers}], featureNext: [{item, customers}]}; \
                --csv prints list,item,customers rows.
                """)

        @Argument(help: "The broadcast: its id in the workspace (liveinsight status lists them) or its folder.")
        var broadcast: String

        @OptionGroup var workspace: WorkspaceOption

        @Option(help: "Recommendations per viewer.") var k = 15
        @Option(help: "Items per list.") var top = 10
        @Option(help: "popular, together, viewed, content, als or hybrid.") var method: RecommenderKind = .hybrid
        @Flag(help: "Print JSON.") var json = false
        @Flag(help: "Print CSV.") var csv = false

        func run() throws {
            let reference = BroadcastReference(broadcast, workspace: workspace.resolved)
            let workspace = reference.workspace
            let folder = try workspace.existingBroadcastFolder(reference.id)
            let events = folder + "/inputs/" + UserInputKind.events.fileName,
                meta = folder + "/inputs/" + UserInputKind.metadata.fileName
            guard FileManager.default.fileExists(atPath: events) else {
                throw CLIError("broadcast \(broadcast) has no event log: run it with --events FILE first")
            }
            let metadata = FileManager.default.fileExists(atPath: meta) ? try BroadcastMetadata.load(path: meta) : nil
            let log = try EventLog.load(path: events, broadcastStart: metadata?.start)
            let (purchases, items, views) = try OrderSourceOptions.load(
                orders: nil, workspace: workspace, option: self.workspace)
            let service = RecommendationService(kind: method, purchases: purchases, items: items, views: views)
            let insight = ShowInsight(
                broadcast: reference.id, log: log, purchases: purchases, views: views,
                analysis: RFMAnalysis(purchases: purchases), recommender: service, k: k, top: top)
            if json { print(try JSONOutput.encode(insight)); return }
            if csv {
                print("list,item,customers")
                for row in insight.alsoBought {
                    print("also bought,\(LiveInsight.Recommend.Items.csvField(row.item)),\(row.customers)")
                }
                for row in insight.alsoViewed {
                    print("also viewed,\(LiveInsight.Recommend.Items.csvField(row.item)),\(row.customers)")
                }
                for row in insight.featureNext {
                    print("feature next,\(LiveInsight.Recommend.Items.csvField(row.item)),\(row.customers)")
                }
                return
            }
            print("\(insight.broadcast): \(insight.viewers) viewers, \(insight.buyers) buyers")
            for (segment, count) in insight.viewersBySegment.sorted(by: { $0.value > $1.value }) {
                print("  \(segment): \(count)")
            }
            print(
                "its buyers also bought: "
                    + insight.alsoBought.map { "\($0.item) (\($0.customers))" }.joined(separator: ", "))
            let viewed = insight.alsoViewed.map { "\($0.item) (\($0.customers))" }
            print("its viewers also viewed: " + viewed.joined(separator: ", "))
            print(
                "feature next time: "
                    + insight.featureNext.map { "\($0.item) (\($0.customers))" }.joined(separator: ", "))
        }
    }
}
