import Alerts
import Checkpoints
import Foundation
import Reviews

/// Negative-review spikes for the dashboard (`review_alerts`); the alert itself is kept as JSON.
extension Catalog: AlertStore {
    public func recordAlerts(
        _ alerts: [ReviewAlert], broadcast: String?, source: String, now: Date
    ) throws -> [ReviewAlert] {
        let encoded = try alerts.map(Self.json)
        return try write { db in
            var added: [ReviewAlert] = []
            for (position, (alert, json)) in zip(alerts, encoded).enumerated() {
                let inserted = try db.execute(
                    """
                    INSERT INTO review_alerts (broadcast_id, source, position, product_id, topic, alert, raised, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'open') ON CONFLICT DO NOTHING
                    """, [broadcast, source, position, alert.productID, alert.topic, json, now])
                if inserted > 0 { added.append(alert) }
            }
            return added
        }
    }

    public func alerts(in states: Set<AlertState>) throws -> [DashboardAlert] {
        let rows = try rows(
            "id, broadcast_id, alert, raised, state, changed_by, changed", of: "review_alerts",
            states: states.map(\.rawValue), order: "id DESC")
        return try rows.map { row in
            DashboardAlert(
                id: try row[0], broadcastID: try row[1], alert: try Self.decoded(ReviewAlert.self, from: try row[2]),
                raised: try row[3], state: AlertState(rawValue: try row[4]) ?? .open, changedBy: try row[5],
                changed: try row[6])
        }
    }

    public func setAlertState(
        _ state: AlertState, of alert: Int64, by account: String, now: Date
    ) throws(PipelineError) -> Bool {
        try write { db in
            try db.execute(
                "UPDATE review_alerts SET state = ?, changed_by = ?, changed = ? WHERE id = ?",
                [state.rawValue, account, now, alert]) > 0
        }
    }
}
