import Testing

@testable import Reviews

/// Sentence splitting on punctuation, emoticons and Korean endings.
struct SentenceSplitterTests {
    /// Punctuation and emoticon runs close sentences and stay with them.
    @Test func punctuationAndEmoticons() {
        #expect(SentenceSplitter.split("배송 빨라요!! 색이 별로ㅠㅠ 그래도 만족") == ["배송 빨라요!!", "색이 별로ㅠㅠ", "그래도 만족"])
    }

    /// A word ending in a sentence ending (…요, …다, …음) closes a sentence when another word follows.
    @Test func koreanEndings() {
        #expect(
            SentenceSplitter.split("배송 빠르고 좋아요 색상은 별로임 가격은 괜찮다 완전 추천") == ["배송 빠르고 좋아요", "색상은 별로임", "가격은 괜찮다", "완전 추천"])
    }

    /// A one-word piece joins the sentence before it (the verdict is about that sentence's topic).
    @Test func oneWordVerdictsJoin() {
        #expect(SentenceSplitter.split("배송 너무 늦어요 최악") == ["배송 너무 늦어요 최악"])
        #expect(SentenceSplitter.split("최고예요! 색상 예뻐요!! 강추") == ["최고예요!", "색상 예뻐요!! 강추"])
    }

    /// One-syllable words such as 다 (all) do not end a sentence; decimals are not cut.
    @Test func notEverythingEnds() {
        #expect(SentenceSplitter.split("다 좋아요") == ["다 좋아요"])
        #expect(SentenceSplitter.split("별점 4.5 드려요") == ["별점 4.5 드려요"])
    }

    /// Line breaks end sentences; each line is normalised.
    @Test func lineBreaks() {
        #expect(SentenceSplitter.split("두께 적당해서\n재구매   의사 있어요") == ["두께 적당해서", "재구매 의사 있어요"])
    }
}
