/// Sino-Korean readings of numbers (일, 이, 삼 … 십, 백, 천, 만, 억, 조, 경).
///
/// Rules (standard Korean, 한글 맞춤법 제44항 for spacing):
/// - Digits are grouped by 10⁴ (만, 억, 조, 경); groups are separated by a space: 39000 → "삼만 구천",
///   123456789 → "일억 이천삼백사십오만 육천칠백팔십구"; inside a group nothing is spaced.
/// - 일 is dropped before 십, 백, 천 (110 → "백십") and before 만 when the 만 group is exactly one
///   (10000 → "만", 11000 → "만 천"), but kept before 억, 조 and 경 (100000000 → "일억").
/// - Zero is "영"; decimals read the point as "점" and the fraction digit by digit: 3.5 → "삼 점 오",
///   0.25 → "영 점 이오".
/// - Telephone-like digit strings are read digit by digit with zero as "공" (``digitByDigit(_:)``).
public enum SinoKoreanNumber {
    /// Readings of the digits 0…9 when counting ("영" for zero).
    public static let digits = ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
    /// The place names inside a 10⁴ group, with their values.
    static let smallUnits: [(name: String, value: Int)] = [("천", 1000), ("백", 100), ("십", 10)]
    /// The names of the 10⁴ groups, from 10⁰ upwards.
    static let largeUnits = ["", "만", "억", "조", "경"]

    /// The reading of a whole number: 0 → "영", 39000 → "삼만 구천", 1250000 → "백이십오만".
    /// Negative numbers are prefixed with "마이너스".
    public static func reading(_ value: Int) -> String {
        if value < 0 { return "마이너스 " + reading(magnitude: value.magnitude) }
        return reading(magnitude: UInt(value))
    }

    /// The reading of a decimal value: the integer part as in ``reading(_:)``, then "점" and each
    /// fraction digit ("3.5" → "삼 점 오").
    public static func reading(_ value: NumberValue) -> String {
        let whole = reading(value.integer)
        guard !value.fractionDigits.isEmpty else { return whole }
        return whole + " 점 " + value.fractionDigits.map { digits[$0] }.joined()
    }

    /// Reads each digit on its own, zero as "공", as for telephone numbers ("010" → "공일공").
    /// Characters that are not ASCII digits are dropped.
    public static func digitByDigit(_ text: some StringProtocol) -> String {
        text.compactMap(\.wholeNumberValue).map { $0 == 0 ? "공" : digits[$0] }.joined()
    }

    /// Reads a magnitude group by group.
    static func reading(magnitude: UInt) -> String {
        guard magnitude > 0 else { return digits[0] }
        var groups: [Int] = []
        var rest = magnitude
        while rest > 0 {
            groups.append(Int(rest % 10_000))
            rest /= 10_000
        }
        var words: [String] = []
        for (power, group) in groups.enumerated().reversed() where group > 0 {
            let omitOne = power == 1 && group == 1
            words.append((omitOne ? "" : groupReading(group)) + largeUnits[power])
        }
        return words.joined(separator: " ")
    }

    /// Reads 1…9999 without spaces, dropping 일 before 십, 백 and 천.
    static func groupReading(_ group: Int) -> String {
        var text = ""
        for unit in smallUnits {
            let digit = group / unit.value % 10
            if digit > 0 { text += (digit == 1 ? "" : digits[digit]) + unit.name }
        }
        let ones = group % 10
        if ones > 0 { text += digits[ones] }
        return text
    }
}
