import Testing

@testable import Hangul

/// A table of spellings that must score as the same text (CER 0: equal once normalised, spacing aside),
/// and of texts that must stay different. Each row is one case the validation gate met in the wild.
struct NormalizationTableTests {
    static let normalizer = TextNormalizer()

    /// Normalised with spacing removed, as CER counts characters.
    static func characters(_ text: String) -> String {
        normalizer.normalize(text).filter { !$0.isWhitespace }
    }

    /// (written, spoken or plain form, what the case is)
    static let equal: [(String, String, String)] = [
        ("배\u{200B}송", "배송", "zero-width space"),
        ("\u{FEFF}배송", "배송", "byte-order mark inside text"),
        ("배송\u{202E}", "배송", "right-to-left override"),
        ("배\u{0}송", "배송", "NUL"),
        ("좋아요👍\u{200D}", "좋아요", "joiner left after emoji removal"),
        ("좋아요❤\u{FE0F}", "좋아요", "variation selector left after emoji removal"),
        ("배\u{00AD}송", "배송", "soft hyphen"),
        ("상품 ①", "상품 일", "circled number"),
        ("ﬁt 사이즈", "fit 사이즈", "ligature"),
        ("\u{FFA1}\u{FFA1}", "ㄱㄱ", "half-width jamo"),
        ("ＳＡＬＥ　３９，０００원", "sale 삼만 구천 원", "full-width forms and ideographic space"),
        ("½ 가격", "이분의 일 가격", "vulgar fraction"),
        ("1/2 가격", "이분의 일 가격", "fraction"),
        ("3/4컵", "사분의 삼 컵", "fraction before a word"),
        ("-5도", "마이너스 오 도", "negative number"),
        ("영하 −12도", "영하 마이너스 십이 도", "minus sign"),
        ("12,345,678,901,234,567,890원", "12345678901234567890원", "grouped number past Int"),
        ("010-1234-5678", "공일공 일이삼사 오육칠팔", "a telephone dash is not a minus"),
        ("ㅋㅋ 좋아요", "좋아요", "compatibility jamo kept, so laughter is still removed"),
    ]

    @Test(arguments: equal)
    func scoresAsEqual(written: String, plain: String, what: String) {
        #expect(
            Self.characters(written) == Self.characters(plain),
            "\(what): \(Self.normalizer.normalize(written)) vs \(Self.normalizer.normalize(plain))")
    }

    /// (one, other, what must keep them apart)
    static let different: [(String, String, String)] = [
        ("10000000000000000000", "10000000000000000001", "numbers past Int differ in their last digit"),
        ("A-5", "A 마이너스 오", "a dash after a letter is not a minus"),
        ("2024/5/17", "오분의 이천이십사", "a date is not a fraction"),
    ]

    @Test(arguments: different)
    func staysDifferent(one: String, other: String, what: String) {
        #expect(Self.characters(one) != Self.characters(other), "\(what): \(Self.normalizer.normalize(one))")
    }

    /// Numbers past Int are read digit by digit, not cut into a digit and a leading-zero tail.
    @Test func hugeNumberReading() {
        #expect(Self.normalizer.normalize("10000000000000000000원") == "일" + String(repeating: "공", count: 19) + "원")
    }
}
