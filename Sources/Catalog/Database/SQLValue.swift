import Foundation
import GRDB

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
        // SQLite keeps dates as text in GRDB's format: read back by GRDB's own parser.
        case .text(let text):
            guard let date = Date.fromDatabaseValue(text.databaseValue) else { return nil }; self = date
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
