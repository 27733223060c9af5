/// Native Korean numbers (하나, 둘, 셋 … 아흔아홉), used before counters such as 개, 명, 시, 살.
///
/// Only 1…99 have native forms in everyday speech. Before a counter the attributive forms are used:
/// 하나 → 한, 둘 → 두, 셋 → 세, 넷 → 네, 스물 → 스무 (20 alone; 21 is 스물한). Tens and ones are written
/// as one word: 12 → "열두", 35 → "서른다섯".
public enum NativeKoreanNumber {
    /// How a native number is used.
    public enum Form: Sendable {
        /// Counting on its own: 하나, 둘, 스물.
        case standalone
        /// Before a counter: 한 개, 두 개, 스무 살.
        case attributive
    }

    /// The tens 10…90, indexed by tens digit (index 0 unused).
    static let tens = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
    /// The ones 1…9 counted on their own (index 0 unused).
    static let ones = ["", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"]
    /// The ones 1…9 before a counter (index 0 unused).
    static let attributiveOnes = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
    /// Spoken variants that are read but never produced (석 잔, 넉 달, 서 말, 너 되).
    static let variantOnes = ["석": 3, "서": 3, "넉": 4, "너": 4]

    /// The native reading of 1…99 (`nil` outside that range): 2 → "둘"/"두", 20 → "스물"/"스무".
    public static func reading(_ value: Int, form: Form) -> String? {
        guard (1...99).contains(value) else { return nil }
        if value == 20 && form == .attributive { return "스무" }
        let onesWords = form == .attributive ? attributiveOnes : ones
        return tens[value / 10] + onesWords[value % 10]
    }

    /// The value of a native number word in either form ("열두" → 12, "스무" → 20, "하나" → 1); `nil` otherwise.
    public static func value(of word: some StringProtocol) -> Int? {
        let word = String(word)
        if word == "스무" { return 20 }
        for tensDigit in stride(from: 9, through: 0, by: -1) {
            let prefix = tens[tensDigit]
            guard word.hasPrefix(prefix) else { continue }
            let rest = word.dropFirst(prefix.count)
            if rest.isEmpty { return tensDigit == 0 ? nil : tensDigit * 10 }
            if let onesDigit = onesValue(String(rest)) { return tensDigit * 10 + onesDigit }
        }
        return nil
    }

    /// The value 1…9 of a ones word in any form.
    static func onesValue(_ word: String) -> Int? {
        if let index = ones.firstIndex(of: word), index > 0 { return index }
        if let index = attributiveOnes.firstIndex(of: word), index > 0 { return index }
        return variantOnes[word]
    }
}
