import Commerce
import Report

/// The dashboard's customers page over the workspace catalog: every purchase imported
/// (`liveinsight orders import`), read per request so a new import shows at once.
public struct CatalogCustomerSource: CustomerSource {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func purchases() throws(ReportError) -> [Purchase] {
        do { return try catalog.purchases() } catch { throw .unreadable(path: catalog.path, detail: error.description) }
    }
}
