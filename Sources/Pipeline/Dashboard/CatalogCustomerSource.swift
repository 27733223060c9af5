import Commerce
import Report

/// The dashboard's customers page over the workspace catalog: RFM of every purchase imported
/// (`liveinsight orders import`), recomputed per request so a new import shows at once.
public struct CatalogCustomerSource: CustomerSource {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func customers() throws(ReportError) -> RFMAnalysis? {
        let purchases: [Purchase]
        do { purchases = try catalog.purchases() } catch { throw .unreadable(path: catalog.path, detail: error.description) }
        return purchases.isEmpty ? nil : RFMAnalysis(purchases: purchases)
    }
}
