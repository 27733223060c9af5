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
        date.map { $0.formatted(koreaMinute) } ?? "–"
    }

    /// `yyyy-MM-dd HH:mm` in Korea time, made once: a list of many shows formats two dates a row, and making a
    /// `DateFormatter` each time cost more than the rest of the row.
    private static let koreaMinute = Date.VerbatimFormatStyle(
        format: """
            \(year: .padded(4))-\(month: .twoDigits)-\(day: .twoDigits) \
            \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)
            """,
        locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "Asia/Seoul")!,
        calendar: Calendar(identifier: .gregorian))

    /// A coordinate with at most one decimal, for compact SVG.
    static func px(_ value: Double) -> String { String(format: "%.1f", value) }
}
