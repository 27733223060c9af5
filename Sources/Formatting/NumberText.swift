import Foundation

/// Numbers, money and shares as the reports, pages, workbooks and terminal tables show them: one rule each,
/// fixed and locale-independent, so a figure reads the same wherever it appears.
public enum NumberText {
    /// How an amount of won is marked.
    public enum WonStyle: Sendable {
        /// `₩1,234,000` (pages, charts, exports).
        case symbol
        /// `1,234,000원` (Korean text reports).
        case suffix
    }

    /// `1234567` → `1,234,567` (rounded half away from zero).
    public static func grouped(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        let digits = String(rounded.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (rounded < 0 ? "-" : "") + out
    }

    /// Korean won, whole: `₩1,234,000`, or `1,234,000원` with `.suffix`.
    public static func won(_ amount: Double, style: WonStyle = .symbol) -> String {
        switch style {
        case .symbol: "₩" + grouped(amount)
        case .suffix: grouped(amount) + "원"
        }
    }

    /// Seconds as `m:ss`, or `h:mm:ss` from an hour on (whole seconds, rounded down; negative times as 0:00).
    public static func clock(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// A fraction (0…1) as a percentage with `decimals` decimals: `0.375` → `37.5%`.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f%%", fraction * 100)
    }
}
