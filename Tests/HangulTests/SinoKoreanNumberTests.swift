import Testing

@testable import Hangul

/// Sino-Korean number readings, both ways.
struct SinoKoreanNumberTests {
    /// Hand-checked readings, including the 일-dropping and 만-group spacing rules.
    @Test(arguments: [
        (0, "영"), (1, "일"), (10, "십"), (11, "십일"), (20, "이십"), (100, "백"), (110, "백십"),
        (1000, "천"), (1001, "천일"), (9999, "구천구백구십구"), (10000, "만"), (11000, "만 천"),
        (39000, "삼만 구천"), (100000, "십만"), (1_250_000, "백이십오만"), (10_000_000, "천만"),
        (100_000_000, "일억"), (100_010_000, "일억 만"), (123_456_789, "일억 이천삼백사십오만 육천칠백팔십구"),
        (1_000_000_000_000, "일조"), (20_000_000_000_000_000, "이경"), (2_000_000_000_000_000_000, "이백경"),
    ])
    func readings(value: Int, spoken: String) {
        #expect(SinoKoreanNumber.reading(value) == spoken)
    }

    /// Decimals read the point as 점 and the fraction digit by digit.
    @Test func decimals() {
        #expect(SinoKoreanNumber.reading(NumberValue(digits: "3.5")!) == "삼 점 오")
        #expect(SinoKoreanNumber.reading(NumberValue(digits: "0.25")!) == "영 점 이오")
        #expect(SinoKoreanNumber.reading(NumberValue(digits: "1,250.05")!) == "천이백오십 점 영오")
    }

    /// Negative numbers and telephone digits.
    @Test func negativeAndDigitByDigit() {
        #expect(SinoKoreanNumber.reading(-5) == "마이너스 오")
        #expect(SinoKoreanNumber.digitByDigit("010") == "공일공")
    }

    /// The parser reads hand-checked spoken forms back.
    @Test(arguments: [
        ("영", 0), ("십", 10), ("만", 10000), ("삼만 구천", 39000), ("삼만구천", 39000), ("백이십오만", 1_250_000),
        ("일억", 100_000_000), ("일억 만", 100_010_000), ("천만", 10_000_000), ("이천이십사", 2024),
    ])
    func parses(spoken: String, value: Int) {
        #expect(SinoKoreanNumberParser.value(of: spoken) == NumberValue(integer: value))
    }

    /// The parser rejects words that are not well-formed numbers.
    @Test(arguments: ["", "일이", "천천", "삼만 사만", "십칠일", "억", "가", "삼 점", "일영"])
    func rejects(text: String) {
        #expect(SinoKoreanNumberParser.value(of: text) == nil)
    }

    /// Reading then parsing gives the value back, for every number below 100,000 and a spread above.
    @Test func roundTrip() {
        var values = Array(0..<100_000)
        var value = 100_000
        while value < 9_000_000_000_000_000_000 / 7 {
            values += [value, value + 1, value * 3 + 17]
            value *= 7
        }
        for value in values {
            #expect(
                SinoKoreanNumberParser.value(of: SinoKoreanNumber.reading(value)) == NumberValue(integer: value),
                "\(value)")
        }
        #expect(SinoKoreanNumberParser.value(of: "삼 점 일사") == NumberValue(integer: 3, fractionDigits: [1, 4]))
    }
}
