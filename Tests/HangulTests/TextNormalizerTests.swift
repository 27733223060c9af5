import Testing

@testable import Hangul

/// The normalisation pipeline and its switches.
struct TextNormalizerTests {
    /// The defaults make written and spoken numbers, punctuation and case variants equal.
    @Test func defaultsEquateSpellingVariants() {
        let normalizer = TextNormalizer()
        #expect(normalizer.normalize("가격은 39,000원!") == normalizer.normalize("가격은 삼만 구천 원"))
        #expect(normalizer.normalize("SALE 진행 중.") == "sale 진행 중")
        #expect(normalizer.normalize("  여러   칸\t띄어쓰기\n") == "여러 칸 띄어쓰기")
    }

    /// Full-width forms, CJK punctuation and the ideographic space fold to plain text.
    @Test func fullWidthAndCJKPunctuation() {
        let normalizer = TextNormalizer()
        #expect(normalizer.normalize("ＳＡＬＥ！　「특가」、오늘。") == "sale 특가 오늘")
        #expect(normalizer.normalize("３９，０００원") == "삼만 구천 원")
    }

    /// Conjoining jamo compose under NFC; compatibility jamo only with their own switch.
    @Test func jamoForms() {
        #expect(TextNormalizer().normalize("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}") == "한글")
        #expect(TextNormalizer().normalize("ㅎㅏㄴ") == "ㅎㅏㄴ")
        var options = TextNormalizer.Options()
        options.composeCompatibilityJamo = true
        #expect(TextNormalizer(options: options).normalize("ㅎㅏㄴㄱㅡㄹ") == "한글")
    }

    /// Web markers disappear; single letters and the switch being off keep them.
    @Test func webMarkers() {
        #expect(TextNormalizer().normalize("좋아요ㅋㅋㅋ 진짜ㅠㅠ 감사합니다^^ 헐;;") == "좋아요 진짜 감사합니다 헐")
        var options = TextNormalizer.Options.verbatim
        options.removeWebMarkers = true
        #expect(TextNormalizer(options: options).normalize("ㅋ 하나") == "ㅋ 하나")
    }

    /// Punctuation becomes spaces, but decimal points, percent and currency signs survive.
    @Test func punctuationExceptions() {
        #expect(Punctuation.remove(from: "좋아요!정말") == "좋아요 정말")
        #expect(Punctuation.remove(from: "3.5% ₩39,000") == "3.5% ₩39000")
        #expect(Punctuation.remove(from: "끝.") == "끝 ")
    }

    /// Each switch turned off leaves its feature in the text.
    @Test func switchesOff() {
        let text = "ＳＡＬＥ 39,000원!"
        #expect(TextNormalizer(options: .verbatim).normalize(text) == text)
        var options = TextNormalizer.Options()
        options.numberForm = .keep
        #expect(TextNormalizer(options: options).normalize(text) == "sale 39000원")
        options.foldCase = false
        #expect(TextNormalizer(options: options).normalize(text) == "SALE 39000원")
        options.numberForm = .digits
        #expect(TextNormalizer(options: options).normalize("삼만 구천 원!") == "39000원")
    }

    /// Terminal widths count Hangul as two columns and combining jamo as none.
    @Test func displayWidth() {
        #expect(DisplayWidth.columns(of: "한글 ab") == 7)
        #expect(DisplayWidth.columns(of: "\u{1112}\u{1161}\u{11AB}") == 2)
        #expect(DisplayWidth.padded("한", to: 4) == "한  ")
        #expect(DisplayWidth.padded("한", to: 4, alignment: .right) == "  한")
        #expect(DisplayWidth.padded("무료 배송", to: 4) == "무료 배송")
        #expect(DisplayWidth.columns(of: "–…₩") == 3, "narrow punctuation above U+1100 takes one column")
    }
}
