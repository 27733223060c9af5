import Insight

/// What one show's audience means for the shop: its viewers by RFM segment, what its buyers also bought
/// elsewhere, and what to feature next time for the viewers it drew.
public struct ShowInsight: Codable, Sendable, Equatable {
    /// An item and how many of the show's people it counts (buyers who bought it, viewers it is recommended to).
    public struct ItemCount: Codable, Sendable, Equatable {
        public var item: String
        public var customers: Int
        public init(item: String, customers: Int) { (self.item, self.customers) = (item, customers) }
    }

    public var broadcast: String
    /// Distinct viewer ids in the event log (any event type).
    public var viewers: Int
    /// Distinct viewer ids with a purchase event.
    public var buyers: Int
    /// Viewers per RFM segment; viewers who never bought anything are under "not a customer".
    public var viewersBySegment: [String: Int]
    /// Items the show's buyers bought outside this show (orders not of the form `<broadcast>/…`), most buyers first.
    public var alsoBought: [ItemCount]
    /// Items the show's viewers viewed in other broadcasts (product cards opened), most viewers first.
    public var alsoViewed: [ItemCount]
    /// Items that appear most often in the viewers' top-`k` recommendations (each viewer's list leaves out
    /// what that viewer bought), most viewers first: the candidates to feature next time.
    public var featureNext: [ItemCount]

    public static let notACustomer = "not a customer"

    public init(
        broadcast: String, log: EventLog, purchases: [Purchase], views: [ProductView] = [],
        analysis: RFMAnalysis, recommender: RecommendationService, k: Int = 15, top: Int = 10
    ) {
        let viewerIDs = Set(log.events.compactMap(\.viewerID))
        let buyerIDs = Set(log.events(of: .purchase).compactMap(\.viewerID))
        let segments = Dictionary(uniqueKeysWithValues: analysis.customers.map { ($0.customer, $0.segment.rawValue) })
        var bySegment: [String: Int] = [:]
        for viewer in viewerIDs { bySegment[segments[viewer] ?? Self.notACustomer, default: 0] += 1 }
        let showOrder = broadcast + "/"
        var elsewhere: [String: Set<String>] = [:]
        for purchase in purchases
        where buyerIDs.contains(purchase.customer) && !(purchase.order?.hasPrefix(showOrder) ?? false) {
            elsewhere[purchase.item, default: []].insert(purchase.customer)
        }
        var viewedElsewhere: [String: Set<String>] = [:]
        for view in views where view.broadcast != broadcast && viewerIDs.contains(view.customer) {
            viewedElsewhere[view.item, default: []].insert(view.customer)
        }
        var votes: [String: Int] = [:]
        for viewer in viewerIDs.sorted() {
            for recommendation in recommender.recommend(customer: viewer, k: k) {
                votes[recommendation.item, default: 0] += 1
            }
        }
        func ranked(_ counts: [String: Int]) -> [ItemCount] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(top)
                .map { ItemCount(item: $0.key, customers: $0.value) }
        }
        self.broadcast = broadcast
        (viewers, buyers, viewersBySegment) = (viewerIDs.count, buyerIDs.count, bySegment)
        alsoBought = ranked(elsewhere.mapValues(\.count))
        alsoViewed = ranked(viewedElsewhere.mapValues(\.count))
        featureNext = ranked(votes)
    }
}
