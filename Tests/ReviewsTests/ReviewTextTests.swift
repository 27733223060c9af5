import Testing

@testable import Reviews

/// `ReviewText.normalize`: the one normalisation shared by ingest and the model.
struct ReviewTextTests {
    /// Decomposed jamo (NFD) compose to syllables (NFC).
    @Test func composesToNFC() {
        let decomposed = "\u{1100}\u{1161}\u{11A8}"  // ᄀ ᅡ ᆨ = 각
        #expect(ReviewText.normalize(decomposed) == "각")
    }

    /// Runs of one character longer than two are cut to two; different characters are left alone.
    @Test func foldsRepeats() {
        #expect(ReviewText.normalize("좋아요!!!!! ㅋㅋㅋㅋㅋ ㅠㅠㅠ") == "좋아요!! ㅋㅋ ㅠㅠ")
        #expect(ReviewText.normalize("ㅠㅜㅠㅜ") == "ㅠㅜㅠㅜ")
    }

    /// Tabs, newlines, no-break and ideographic spaces become single spaces; ends are trimmed; ASCII is lower-cased.
    @Test func foldsSpacesAndCase() {
        #expect(ReviewText.normalize("  배송\t빨라요\n\u{3000}\u{00A0}GOOD  ") == "배송 빨라요 good")
    }

    /// Text of only spaces and controls normalises to empty.
    @Test func blankIsEmpty() {
        #expect(ReviewText.normalize(" \t\r\n\u{0007} ").isEmpty)
    }
}
