import Foundation

/// A plain-text rendering of an insight report for the terminal.
public enum InsightTextReport {
    public static func render(_ report: InsightReport, keywordLimit: Int = 15) -> String {
        let s = report.summary
        var lines: [String] = []
        lines.append(String(format: "Broadcast score %.1f / 100 · %d units sold · revenue %@ · expected %@",
                            s.totalScore, s.unitsSold, won(s.revenue), won(s.expectedRevenue)))
        if let target = s.targetUnits, let rate = s.achievementRate {
            lines.append(String(format: "Target %d units: %.0f%% achieved", target, rate * 100))
        }
        let f = report.funnel
        lines.append(String(format: "Funnel: %d views → %d carts (%@) → %d purchases (%@ of carts)", f.views, f.carts,
                            percent(f.viewToCart), f.purchases, percent(f.cartToPurchase)))
        lines.append("")
        lines.append(String(format: "Window %.0f–%.0f min after each mention; uplift = purchase-rate ratio (%.0f%% CI)",
                            report.options.windowStart / 60, report.options.windowEnd / 60, report.options.confidenceLevel * 100))
        lines.append("keyword          topic        mentions  purchases  expected  uplift (CI)          p       share")
        for impact in report.keywords.prefix(keywordLimit) {
            lines.append(String(format: "%@ %@ %8d %10d %9.1f  %@ %@ %7.1f%%%@",
                                pad(impact.name, 16), pad(impact.topic, 12), impact.mentions, impact.counts.purchases,
                                impact.expectedPurchases, pad(interval(impact), 20),
                                impact.pValue.map { String(format: "%7.3f", $0) } ?? "      –",
                                impact.contributionShare * 100, impact.significant ? " *" : ""))
        }
        lines.append("")
        lines.append("topic            mentions  uplift (CI)          share")
        for topic in report.topics {
            lines.append(String(format: "%@ %8d  %@ %5.1f%%", pad(topic.name, 16), topic.mentions, pad(interval(topic), 20),
                                topic.contributionShare * 100))
        }
        for warning in report.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2.31 (1.52–3.50)", or "–" without an estimate; an open end shows as "…".
    static func interval(_ impact: Impact) -> String {
        guard let uplift = impact.uplift else { return "– (no window)" }
        let low = impact.upliftLow.map { String(format: "%.2f", $0) } ?? "…"
        let high = impact.upliftHigh.map { String(format: "%.2f", $0) } ?? "…"
        return String(format: "%.2f (%@–%@)", uplift, low, high)
    }

    static func won(_ amount: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        return (formatter.string(from: NSNumber(value: amount)) ?? "\(Int(amount))") + "원"
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "–" }

    /// Pads to a display width (Hangul counts as two columns).
    static func pad(_ text: String, _ width: Int) -> String {
        let columns = text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && $1.value <= 0xD7A3) ? 2 : 1) }
        return text + String(repeating: " ", count: max(0, width - columns))
    }
}
