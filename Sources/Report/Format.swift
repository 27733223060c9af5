import Foundation

/// Number, money and time formatting shared by pages, charts and exports (fixed, locale-independent).
enum Format {
    /// `1234567` → `1,234,567`.
    static func integer(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        let digits = String(abs(rounded))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (rounded < 0 ? "-" : "") + out
    }

    /// Korean won: `₩1,234,000`.
    static func won(_ value: Double) -> String { "₩" + integer(value) }

    /// Fraction 0…1 as a percentage with one decimal: `37.5%`.
    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

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
