import Foundation
import Reviews

/// Where a raised alert stands on the dashboard: new ones are open; someone acknowledges (looking into it)
/// and later resolves it (handled: a supplier talked to, a listing fixed).
public enum AlertState: String, Sendable, CaseIterable, Codable {
    case open, acknowledged, resolved
}

/// A negative-review spike (`Reviews.ReviewAlert`, the same alert `reviews --alert-url` posts) as the dashboard
/// lists it.
public struct DashboardAlert: Sendable, Equatable {
    /// The catalog's row id.
    public var id: Int64
    /// The broadcast whose reviews raised it (nil: `liveinsight reviews` on a file).
    public var broadcastID: String?
    /// The alert: product, topic, negative share and the reviews behind it.
    public var alert: ReviewAlert
    /// When it was recorded.
    public var raised: Date
    /// Where it stands.
    public var state: AlertState
    /// Who last changed the state, and when.
    public var changedBy: String?
    /// When the state last changed.
    public var changed: Date?

    /// An alert from its fields.
    public init(
        id: Int64, broadcastID: String?, alert: ReviewAlert, raised: Date, state: AlertState,
        changedBy: String? = nil, changed: Date? = nil
    ) {
        (self.id, self.broadcastID, self.alert, self.raised) = (id, broadcastID, alert, raised)
        (self.state, self.changedBy, self.changed) = (state, changedBy, changed)
    }
}

/// Where alerts are kept (the workspace catalog implements it).
public protocol AlertStore: Sendable {
    /// Records `alerts` raised from one analysis of `source` (a broadcast id or a review file's path); an
    /// alert already recorded for the same source, product, topic and position is not added twice.
    /// Returns the ones that are new.
    func recordAlerts(_ alerts: [ReviewAlert], broadcast: String?, source: String, now: Date) throws -> [ReviewAlert]
    /// Alerts in `states`, newest first.
    func alerts(in states: Set<AlertState>) throws -> [DashboardAlert]
    /// Moves an alert to `state`; false when it is unknown.
    func setAlertState(_ state: AlertState, of alert: Int64, by account: String, now: Date) throws -> Bool
}
