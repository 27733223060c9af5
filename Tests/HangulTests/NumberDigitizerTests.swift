import Testing

@testable import Hangul

/// Spoken Korean numbers in running text rewritten as digits.
struct NumberDigitizerTests {
    /// Hand-checked rewrites, the inverse of the verbalizer's examples.
    @Test(arguments: [
        ("삼만 구천 원", "39000원"), ("두 개", "2개"), ("열두 시", "12시"), ("스무 살", "20살"),
        ("이십 퍼센트", "20%"), ("오월 십칠일", "5월 17일"), ("유월", "6월"), ("시월에", "10월에"),
        ("백이십오만 원", "1250000원"), ("삼 점 오", "3.5"), ("공일공 일이삼사 오육칠팔", "010-1234-5678"),
        ("만 원", "10000원"), ("백 개", "100개"), ("세 번째", "3번째"), ("오십", "50"),
    ])
    func rewrites(spoken: String, written: String) {
        #expect(NumberDigitizer().digitForm(of: spoken) == written)
    }

    /// Grouping commas are written on request.
    @Test func grouping() {
        #expect(NumberDigitizer(grouping: true).digitForm(of: "삼만 구천 원") == "39,000원")
    }

    /// Words that merely contain numeral syllables are left alone.
    @Test(arguments: ["이 제품", "일단 오늘", "만족합니다", "오십시오", "이 개", "천천히", "하나 둘"])
    func leavesWordsAlone(text: String) {
        #expect(NumberDigitizer().digitForm(of: text) == text)
    }

    /// Spoken forms produced by the verbalizer read back to the same digits for counters, prices and dates.
    @Test func roundTripThroughSpokenForm() {
        let cases = [
            "39000원", "2개", "12시", "20살", "20%", "5월", "17일", "1250000원", "3.5", "010-1234-5678",
            "100개", "99마리",
        ]
        for written in cases {
            let spoken = NumberVerbalizer().spokenForm(of: written)
            #expect(NumberDigitizer().digitForm(of: spoken) == written, "\(written) → \(spoken)")
        }
    }
}
