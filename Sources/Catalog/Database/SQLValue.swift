import Foundation

/// A value bound to or read from a catalog statement: what SQLite and PostgreSQL both store of it.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// A point in time: `TIMESTAMPTZ` on PostgreSQL; on SQLite, text as GRDB writes dates (UTC).
    case date(Date)
}

/// A Swift value that the catalog stores in one column.
public protocol SQLValueConvertible {
    /// The value as stored.
    var sqlValue: SQLValue { get }
    /// The value read back; nil when `value` cannot be one.
    init?(sqlValue value: SQLValue)
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self) }
    public init?(sqlValue value: SQLValue) {
        switch value {
        case .integer(let integer): self = integer
        case .real(let real) where real == real.rounded(): self = Int64(real)
        default: return nil
        }
    }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public init?(sqlValue value: SQLValue) {
        guard let integer = Int64(sqlValue: value) else { return nil }; self.init(integer)
    }
}

extension Int32: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public init?(sqlValue value: SQLValue) {
        guard let integer = Int64(sqlValue: value) else { return nil }
        self.init(exactly: integer)
    }
}

extension Double: SQLValueConvertible {
    public var sqlValue: SQLValue { .real(self) }
    public init?(sqlValue value: SQLValue) {
        switch value {
        case .real(let real): self = real
        case .integer(let integer): self = Double(integer)
        default: return nil
        }
    }
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
    public init?(sqlValue value: SQLValue) {
        guard case .text(let text) = value else { return nil }
        self = text
    }
}

extension Date: SQLValueConvertible {
    public var sqlValue: SQLValue { .date(self) }
    public init?(sqlValue value: SQLValue) {
        switch value {
        case .date(let date): self = date
        case .text(let text): guard let date = SQLiteDateText.date(text) else { return nil }; self = date
        default: return nil
        }
    }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue { map(\.sqlValue) ?? .null }
    public init?(sqlValue value: SQLValue) {
        if value == .null {
            self = .none
        } else if let wrapped = Wrapped(sqlValue: value) {
            self = .some(wrapped)
        } else {
            return nil
        }
    }
}

/// Enumerations stored as their raw text (statuses, states, roles).
extension SQLValueConvertible where Self: RawRepresentable, RawValue == String {
    public var sqlValue: SQLValue { .text(rawValue) }
    public init?(sqlValue value: SQLValue) {
        guard case .text(let text) = value else { return nil }
        self.init(rawValue: text)
    }
}

/// Dates as GRDB stores them in SQLite: `yyyy-MM-dd HH:mm:ss.SSS`, UTC (seconds and fraction optional).
enum SQLiteDateText {
    static func date(_ text: String) -> Date? {
        let utf8 = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= utf8.count else { return nil }
            var value = 0
            for byte in utf8[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        var parts = tm()
        (parts.tm_year, parts.tm_mon, parts.tm_mday) = (Int32(year - 1900), Int32(month - 1), Int32(day))
        var fraction = 0.0
        if utf8.count >= 16, let hour = number(11..<13), let minute = number(14..<16) {
            (parts.tm_hour, parts.tm_min) = (Int32(hour), Int32(minute))
            if let second = number(17..<19) { parts.tm_sec = Int32(second) }
            if utf8.count > 20, utf8[19] == UInt8(ascii: "."), let digits = number(20..<utf8.count) {
                fraction = Double(digits) / pow(10, Double(utf8.count - 20))
            }
        }
        return Date(timeIntervalSince1970: Double(timegm(&parts)) + fraction)
    }
}
