import Testing

@testable import Hangul

/// Digits in running text rewritten as spoken Korean.
struct NumberVerbalizerTests {
    /// Hand-checked rewrites: prices, counters, percent, dates, decimals and telephone numbers.
    @Test(arguments: [
        ("39,000원", "삼만 구천 원"), ("39000원", "삼만 구천 원"), ("39,000 원", "삼만 구천 원"),
        ("₩39,000", "삼만 구천 원"), ("1,250,000원", "백이십오만 원"), ("5만원", "오만 원"),
        ("3만 9천원", "삼만 구천 원"), ("3만9천원", "삼만 구천 원"), ("1.5만원", "만 오천 원"),
        ("2개", "두 개"), ("2 개", "두 개"), ("1개", "한 개"), ("3시", "세 시"), ("12시", "열두 시"),
        ("13시", "십삼 시"), ("20살", "스무 살"), ("21살", "스물한 살"), ("100개", "백 개"), ("0개", "영 개"),
        ("3개월", "삼 개월"), ("2시간", "두 시간"), ("3번째", "세 번째"), ("2켤레", "두 켤레"),
        ("20%", "이십 퍼센트"), ("2.5%", "이 점 오 퍼센트"), ("30퍼센트", "삼십 퍼센트"),
        ("5월 17일", "오월 십칠일"), ("6월", "유월"), ("10월", "시월"), ("3.5", "삼 점 오"),
        ("010-1234-5678", "공일공 일이삼사 오육칠팔"), ("1588-1234", "일오팔팔 일이삼사"), ("010", "공일공"),
        ("0", "영"), ("10", "십"), ("10000", "만"), ("100000000", "일억"),
    ])
    func rewrites(written: String, spoken: String) {
        #expect(NumberVerbalizer().spokenForm(of: written) == spoken)
    }

    /// Numbers inside sentences are rewritten in place; other text is untouched.
    @Test func sentences() {
        let verbalizer = NumberVerbalizer()
        #expect(
            verbalizer.spokenForm(of: "오늘 특가 39,000원에 2개 드려요!")
                == "오늘 특가 삼만 구천 원에 두 개 드려요!")
        #expect(verbalizer.spokenForm(of: "5월 17일 3시까지 20% 할인") == "오월 십칠일 세 시까지 이십 퍼센트 할인")
        #expect(verbalizer.spokenForm(of: "숫자 없는 문장") == "숫자 없는 문장")
    }

    /// Native readings before counters cover 1…99 with the attributive forms.
    @Test func nativeReadings() {
        #expect(NativeKoreanNumber.reading(1, form: .attributive) == "한")
        #expect(NativeKoreanNumber.reading(1, form: .standalone) == "하나")
        #expect(NativeKoreanNumber.reading(20, form: .standalone) == "스물")
        #expect(NativeKoreanNumber.reading(99, form: .attributive) == "아흔아홉")
        #expect(NativeKoreanNumber.reading(100, form: .attributive) == nil)
        for value in 1...99 {
            for form in [NativeKoreanNumber.Form.standalone, .attributive] {
                let word = NativeKoreanNumber.reading(value, form: form)!
                #expect(NativeKoreanNumber.value(of: word) == value, "\(word)")
            }
        }
    }
}
