import Alerts
import Formatting
import Markup

/// Negative-review spikes per product and topic, with the reviews behind them; analysts and admins
/// acknowledge and resolve them. Resolved alerts are listed last.
public struct AlertsPage {
    /// Every recorded alert, newest first.
    public var alerts: [DashboardAlert]
    /// Who is looking.
    public var viewer: PageViewer

    /// Creates the page.
    public init(alerts: [DashboardAlert], viewer: PageViewer) { (self.alerts, self.viewer) = (alerts, viewer) }

    /// The page's HTML.
    public func html() -> String {
        let active = alerts.filter { $0.state != .resolved }
        let resolved = alerts.filter { $0.state == .resolved }
        let body = """
            <section><h2>리뷰 알림 Review alerts (\(active.count))</h2>\(table(active, id: "alerts-active"))</section>
            <section><h2>해결됨 Resolved (\(resolved.count))</h2>\(table(resolved, id: "alerts-resolved"))</section>
            """
        return PageShell(title: "리뷰 알림", assets: .linked).render(header: viewer.header("리뷰 알림"), body: body)
    }

    private func table(_ alerts: [DashboardAlert], id: String) -> String {
        let rows = alerts.map { entry in
            let alert = entry.alert
            let reviews = alert.reviews.suffix(5).map { review in
                let id = MarkupText.escape(review.reviewID ?? "line \(review.line)")
                return "<li>“\(MarkupText.escape(String(review.text.prefix(200))))” (\(id))</li>"
            }.joined()
            let source =
                entry.broadcastID.map {
                    "<a href=\"/broadcasts/\(PageShell.pathSegment($0))\">\(MarkupText.escape($0))</a>"
                } ?? "리뷰 파일"
            var actions = ""
            if viewer.role.allows(.contribute) {
                let next: [(AlertState, String)] =
                    entry.state == .open
                    ? [(.acknowledged, "확인 Acknowledge"), (.resolved, "해결 Resolve")]
                    : entry.state == .acknowledged ? [(.resolved, "해결 Resolve")] : []
                actions =
                    next.isEmpty
                    ? ""
                    : viewer.form(
                        "/alerts/\(entry.id)",
                        next.map { state, label in
                            "<button type=\"submit\" name=\"state\" value=\"\(state.rawValue)\""
                                + " class=\"\(state.rawValue)\">\(label)</button>"
                        }.joined(separator: " "))
            }
            let changed = entry.changedBy.map { " · \(MarkupText.escape($0))" } ?? ""
            return
                "<tr data-id=\"\(entry.id)\"><td>\(MarkupText.escape(alert.productID))</td>"
                + "<td>\(MarkupText.escape(alert.topic))</td>"
                + "<td class=\"num\">\(NumberText.percent(alert.negativeShare)) / \(alert.windowReviews)</td>"
                + "<td>\(source)</td>"
                + "<td><ul class=\"quotes\">\(reviews)</ul></td><td"
                + " class=\"state\">\(entry.state.rawValue)\(changed)</td><td>\(actions)</td></tr>"
        }.joined()
        return
            "<table id=\"\(id)\"><thead><tr><th>상품 Product</th><th>주제 Topic</th><th"
            + " class=\"num\">부정 비율 Negative share</th>"
            + "<th>출처 Source</th><th>리뷰 Reviews</th><th>상태 State</th><th></th></tr></thead><tbody>\(rows)</tbody>"
            + "</table>"
    }
}
