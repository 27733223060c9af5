/// An exact non-negative decimal number as written or spoken: an integer part and the digits after the point.
///
/// Kept exact (no floating point) so that "1.5만" is exactly 15000 and "3.50" keeps its written digits.
public struct NumberValue: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The integer part.
    public var integer: Int
    /// The digits after the decimal point, each 0…9, as written (trailing zeros kept); empty for integers.
    public var fractionDigits: [Int]

    /// Creates a value from its integer part and fraction digits.
    public init(integer: Int, fractionDigits: [Int] = []) {
        self.integer = integer
        self.fractionDigits = fractionDigits
    }

    /// Parses plain digits with optional three-digit grouping commas and a decimal part ("1,250,000", "3.5").
    /// Returns `nil` for anything else, or when the integer part does not fit in an `Int`.
    public init?(digits text: some StringProtocol) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerText = parts[0]
        let groups = integerText.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.allSatisfy(\.isASCIIDigit) else { return nil }
        if groups.count > 1 {
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) })
            else { return nil }
        }
        guard let integer = Int(groups.joined()) else { return nil }
        var fraction: [Int] = []
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = parts[1].compactMap(\.wholeNumberValue)
        }
        self.init(integer: integer, fractionDigits: fraction)
    }

    /// Whether the value has no fraction digits.
    public var isInteger: Bool { fractionDigits.isEmpty }

    /// The value times `10^exponent` (exponent ≥ 0), moving fraction digits into the integer part;
    /// `nil` on overflow. Trailing zero fraction digits are dropped once the result is whole.
    public func scaled(byPowerOfTen exponent: Int) -> NumberValue? {
        var integer = self.integer
        var fraction = fractionDigits
        for _ in 0..<exponent {
            let digit = fraction.isEmpty ? 0 : fraction.removeFirst()
            let (times10, overflow1) = integer.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            integer = sum
        }
        if fraction.allSatisfy({ $0 == 0 }) && exponent > 0 { fraction = [] }
        return NumberValue(integer: integer, fractionDigits: fraction)
    }

    /// The sum of two values; `nil` on overflow. Fraction digits are aligned, as in written addition.
    public func adding(_ other: NumberValue) -> NumberValue? {
        let length = max(fractionDigits.count, other.fractionDigits.count)
        let lhs = fractionDigits + Array(repeating: 0, count: length - fractionDigits.count)
        let rhs = other.fractionDigits + Array(repeating: 0, count: length - other.fractionDigits.count)
        var carry = 0
        var digits = Array(repeating: 0, count: length)
        for index in stride(from: length - 1, through: 0, by: -1) {
            let sum = lhs[index] + rhs[index] + carry
            digits[index] = sum % 10
            carry = sum / 10
        }
        let (partial, overflow1) = integer.addingReportingOverflow(other.integer)
        let (total, overflow2) = partial.addingReportingOverflow(carry)
        guard !overflow1, !overflow2 else { return nil }
        return NumberValue(integer: total, fractionDigits: digits)
    }

    /// The value in digits, e.g. "39000" or "3.5".
    public var description: String { formatted(grouping: false) }

    /// The value in digits, with three-digit grouping commas when `grouping` is true ("39,000").
    public func formatted(grouping: Bool) -> String {
        var text = String(integer)
        if grouping {
            var grouped = ""
            for (offset, character) in text.enumerated() {
                if offset > 0 && (text.count - offset) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            text = grouped
        }
        if !fractionDigits.isEmpty { text += "." + fractionDigits.map(String.init).joined() }
        return text
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9 (other scripts' digits are not read).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
