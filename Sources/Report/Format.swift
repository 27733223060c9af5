import Foundation

/// Decimal, time and coordinate formatting shared by pages, charts and exports (fixed, locale-independent);
/// grouped numbers, won and percentages come from `Formatting.NumberText`.
enum Format {
    /// A number with `digits` decimals.
    static func decimal(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

    /// A number with one decimal and its sign: `+3.2`, `-1.0`, `0.0` (never `-0.0`).
    static func signed(_ value: Double) -> String {
        let text = decimal(value)
        if Double(text) == 0 { return decimal(0) }
        return value > 0 ? "+" + text : text
    }

    /// Seconds as `m:ss` or `h:mm:ss`.
    static func clock(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// A date as `yyyy-MM-dd HH:mm` in Korea time.
    static func date(_ date: Date?) -> String {
        guard let date else { return "–" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Seoul")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// A coordinate with at most one decimal, for compact SVG.
    static func px(_ value: Double) -> String { String(format: "%.1f", value) }
}
