/// Reads spoken Sino-Korean numbers back into values ("삼만 구천" → 39000, "삼 점 오" → 3.5).
///
/// Accepted: digits 영/공/일…구, places 십/백/천 in decreasing order inside a 10⁴ group, groups 만/억/조/경
/// in decreasing order ("만" alone is 10000), and one "점" followed by single digits. Spaces are ignored.
/// Anything else (two digits in a row such as "일이", places out of order such as "천천") gives `nil`.
public enum SinoKoreanNumberParser {
    /// The value of each digit syllable; 공 is the telephone zero.
    static let digitValues: [Unicode.Scalar: Int] = [
        "영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9,
    ]
    /// The power of ten of each place inside a 10⁴ group (십 = 10¹, 백 = 10², 천 = 10³).
    static let placeExponents: [Unicode.Scalar: Int] = ["십": 1, "백": 2, "천": 3]
    /// The power of 10⁴ of each group name.
    static let groupPowers: [Unicode.Scalar: Int] = ["만": 1, "억": 2, "조": 3, "경": 4]
    /// The word for the decimal point.
    static let point: Unicode.Scalar = "점"

    /// Whether `character` may appear in a spoken Sino-Korean integer.
    public static func isNumeral(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return digitValues[scalar] != nil || isMultiplier(character)
    }

    /// Whether `character` is one of the multipliers 십, 백, 천, 만, 억, 조, 경.
    public static func isMultiplier(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return placeExponents[scalar] != nil || groupPowers[scalar] != nil
    }

    /// Whether every character of `word` is a digit syllable (영, 공, 일 … 구).
    static func isDigitWord(_ word: some StringProtocol) -> Bool {
        word.unicodeScalars.allSatisfy { digitValues[$0] != nil }
    }

    /// The value of a spoken number, or `nil` when `text` is not one.
    public static func value(of text: some StringProtocol) -> NumberValue? {
        let scalars = text.unicodeScalars.filter { !$0.properties.isWhitespace }
        let parts = scalars.split(separator: point, omittingEmptySubsequences: false)
        guard parts.count <= 2, let integer = integerValue(of: parts[0]) else { return nil }
        guard parts.count == 2 else { return NumberValue(integer: integer) }
        let fraction = parts[1].compactMap { digitValues[$0] }
        guard !fraction.isEmpty, fraction.count == parts[1].count else { return nil }
        return NumberValue(integer: integer, fractionDigits: fraction)
    }

    /// The value of a spoken integer without spaces, or `nil`.
    static func integerValue(of scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        if scalars.count == 1, let only = scalars.first, digitValues[only] == 0 { return 0 }
        guard !scalars.isEmpty else { return nil }
        var total = 0
        var group = 0
        var pendingDigit: Int?
        var lastPlace = Int.max
        var lastPower = Int.max
        for scalar in scalars {
            if let digit = digitValues[scalar] {
                guard pendingDigit == nil, digit > 0 else { return nil }
                pendingDigit = digit
            } else if let exponent = placeExponents[scalar] {
                guard exponent < lastPlace else { return nil }
                var place = 1
                for _ in 0..<exponent { place *= 10 }
                group += (pendingDigit ?? 1) * place
                pendingDigit = nil
                lastPlace = exponent
            } else if let power = groupPowers[scalar] {
                guard power < lastPower else { return nil }
                let groupValue = group + (pendingDigit ?? 0)
                guard groupValue > 0 || power == 1, let scaled = multiply(max(groupValue, 1), byPowerOf10k: power),
                    case (let sum, false) = total.addingReportingOverflow(scaled)
                else { return nil }
                total = sum
                group = 0
                pendingDigit = nil
                lastPlace = Int.max
                lastPower = power
            } else {
                return nil
            }
        }
        return total + group + (pendingDigit ?? 0)
    }

    /// `value × 10000^power`, or `nil` on overflow.
    static func multiply(_ value: Int, byPowerOf10k power: Int) -> Int? {
        var result = value
        for _ in 0..<power {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10_000)
            guard !overflow else { return nil }
            result = product
        }
        return result
    }
}
