import Checkpoints
import Commerce
import Report

/// The dashboard's customers pages over the workspace catalog: every purchase imported
/// (`liveinsight orders import`) and the broadcasts' event logs, read per request so a new import shows
/// at once. A show's audience fits the hybrid recommender on every request (seconds on 400,000 purchases).
public struct CatalogCustomerSource: CustomerSource {
    public let catalog: Catalog
    public let workspace: Workspace

    public init(catalog: Catalog, workspace: Workspace) { (self.catalog, self.workspace) = (catalog, workspace) }

    public func purchases() throws(ReportError) -> [Purchase] {
        do { return try catalog.purchases() } catch { throw .unreadable(path: catalog.path, detail: error.description) }
    }

    public func shows() throws(ReportError) -> [ShowLink] {
        do {
            return try catalog.broadcastEventLogs(workspace: workspace).filter {
                $0.log.events.contains { $0.viewerID != nil }
            }
            .map { ShowLink(id: $0.broadcast.id, name: $0.metadata?.title ?? $0.broadcast.name) }
        } catch { throw .unreadable(path: catalog.path, detail: error.description) }
    }

    public func audience(broadcast id: String) throws(ReportError) -> ShowInsight? {
        do {
            guard
                let show = try catalog.broadcastEventLogs(workspace: workspace).first(where: { $0.broadcast.id == id })
            else { return nil }
            let (purchases, views) = (try catalog.purchases(), try catalog.productViews())
            let service = RecommendationService(
                kind: .hybrid, purchases: purchases, items: try catalog.items(),
                views: views)
            return ShowInsight(
                broadcast: id, log: show.log, purchases: purchases, views: views,
                analysis: RFMAnalysis(purchases: purchases),
                recommender: service)
        } catch { throw .unreadable(path: catalog.path, detail: error.description) }
    }
}
