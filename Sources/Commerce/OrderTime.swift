import Foundation

/// Fast parsing of the date-times order files hold (hundreds of thousands of lines: no DateFormatter),
/// all taken as UTC: `2011-12-09T12:50:00`, `2011-12-09 12:50[:00]`, `2011-12-09`, `12/9/2011 12:50`
/// (month/day/year, the UCI original), and an ISO 8601 time with `Z` or an offset.
public enum OrderTime {
    public static func parse(_ text: Substring) -> Date? {
        var scanner = Scanner(bytes: Array(text.utf8))
        let year: Int, month: Int, day: Int
        guard let first = scanner.number() else { return nil }
        if scanner.take(UInt8(ascii: "/")) {
            guard let d = scanner.number(), scanner.take(UInt8(ascii: "/")), let y = scanner.number() else {
                return nil
            }
            (year, month, day) = (y < 100 ? y + 2000 : y, first, d)
        } else {
            guard scanner.take(UInt8(ascii: "-")), let m = scanner.number(), scanner.take(UInt8(ascii: "-")),
                let d = scanner.number()
            else { return nil }
            (year, month, day) = (first, m, d)
        }
        var (hour, minute, second, offset) = (0, 0, 0, 0)
        if scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: " ")) {
            guard let h = scanner.number(), scanner.take(UInt8(ascii: ":")), let m = scanner.number() else {
                return nil
            }
            (hour, minute) = (h, m)
            if scanner.take(UInt8(ascii: ":")) { guard let s = scanner.number() else { return nil }; second = s }
            if scanner.take(UInt8(ascii: ".")) { guard scanner.number() != nil else { return nil } }
            if scanner.take(UInt8(ascii: "Z")) {
            } else if let sign = scanner.sign() {
                guard let h = scanner.number() else { return nil }
                if scanner.take(UInt8(ascii: ":")) {
                    guard let m = scanner.number() else { return nil }; offset = h * 3600 + m * 60
                } else {
                    offset = h >= 100 ? (h / 100) * 3600 + (h % 100) * 60 : h * 3600
                }
                offset *= sign
            }
        }
        guard scanner.atEnd, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61,
            (1970...9999).contains(year)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second - offset))
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        init(bytes: [UInt8]) { self.bytes = bytes }
        var atEnd: Bool { position == bytes.count }
        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }
        mutating func sign() -> Int? {
            if take(UInt8(ascii: "+")) { return 1 }
            if take(UInt8(ascii: "-")) { return -1 }
            return nil
        }
        mutating func number() -> Int? {
            var value = 0, digits = 0
            while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57, digits < 9 {
                value = value * 10 + Int(bytes[position] - 48); position += 1; digits += 1
            }
            return digits > 0 ? value : nil
        }
    }

    public static func parse(_ text: String) -> Date? { parse(Substring(text)) }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2011-12-09` of a date, in UTC.
    public static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
