import Foundation

/// Decimal, date and coordinate formatting shared by pages, charts and exports (fixed, locale-independent);
/// grouped numbers, won, percentages and clock times come from `Formatting.NumberText`.
enum Format {
    /// A number with `digits` decimals.
    static func decimal(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

    /// A number with one decimal and its sign: `+3.2`, `-1.0`, `0.0` (never `-0.0`).
    static func signed(_ value: Double) -> String {
        let text = decimal(value)
        if Double(text) == 0 { return decimal(0) }
        return value > 0 ? "+" + text : text
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
