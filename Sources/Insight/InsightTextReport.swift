import Formatting
import Foundation
import Hangul

/// A plain-text rendering of an insight report for the terminal.
public enum InsightTextReport {
    public static func render(_ report: InsightReport, keywordLimit: Int = 15) -> String {
        let s = report.summary
        var lines: [String] = []
        lines.append(
            String(
                format: "Broadcast score %.1f / 100 · %d units sold · revenue %@ · expected %@",
                s.totalScore, s.unitsSold, NumberText.won(s.revenue, style: .suffix),
                NumberText.won(s.expectedRevenue, style: .suffix)))
        if let target = s.targetUnits, let rate = s.achievementRate {
            lines.append(String(format: "Target %d units: %.0f%% achieved", target, rate * 100))
        }
        let f = report.funnel
        lines.append(
            String(
                format: "Funnel (distinct viewers): %d viewed → %d carted (%@) → %d bought (%@ of carters)",
                f.viewers, f.carters, share(f.viewToCart), f.buyers, share(f.cartToPurchase)))
        lines.append("")
        let options = report.options
        lines.append(
            String(
                format: "Window %.0f–%.0f min after each mention; uplift = purchase-rate ratio (%.0f%% CI);",
                options.windowStart / 60, options.windowEnd / 60, options.confidenceLevel * 100))
        lines.append(
            String(
                format: "* = significant: p adjusted (%@) for %d keywords tested below %.2f",
                options.correction.rawValue, s.testedKeywords, options.significanceLevel))
        lines.append("keyword          topic        mentions  purchases  expected  uplift (CI)          p adj.  share")
        for impact in report.keywords.prefix(keywordLimit) {
            lines.append(
                String(
                    format: "%@ %@ %@ %10d %9.1f  %@ %@ %6.1f%%%@",
                    pad(impact.name, 16), pad(impact.topic, 12), mentions(impact),
                    impact.counts.purchases, impact.expectedPurchases, pad(interval(impact), 20),
                    impact.adjustedPValue.map { String(format: "%7.3f", $0) } ?? "      –",
                    impact.contributionShare * 100, impact.significant ? " *" : ""))
        }
        let censored = report.keywords.reduce(0) { $0 + $1.censoredMentions }
        if censored > 0 {
            lines.append(
                "(n) = mentions whose window begins after the end of the broadcast: \(censored) in all, "
                    + "left out of the estimates"
            )
        }
        lines.append("")
        lines.append("topic            mentions  uplift (CI)          p adj.  share")
        for topic in report.topics {
            lines.append(
                String(
                    format: "%@ %@  %@ %@ %5.1f%%%@", pad(topic.name, 16), mentions(topic), pad(interval(topic), 20),
                    topic.adjustedPValue.map { String(format: "%7.3f", $0) } ?? "      –",
                    topic.contributionShare * 100, topic.significant ? " *" : ""))
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

    /// "12", or "12 (3)" when 3 of them have their window after the end.
    static func mentions(_ impact: Impact) -> String {
        let text =
            impact.censoredMentions > 0 ? "\(impact.mentions) (\(impact.censoredMentions))" : "\(impact.mentions)"
        return String(repeating: " ", count: max(0, 8 - text.count)) + text
    }

    /// A share as a percentage, or "–" when there is none.
    static func share(_ value: Double?) -> String { value.map { NumberText.percent($0) } ?? "–" }

    /// Left-aligned in `width` terminal columns.
    static func pad(_ text: String, _ width: Int) -> String { DisplayWidth.padded(text, to: width) }
}
