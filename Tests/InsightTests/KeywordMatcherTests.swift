import Acoustic
import Testing
import Transcription

@testable import Insight

/// Finding keywords in transcripts.
struct KeywordMatcherTests {
    static let list = KeywordList(keywords: [
        Keyword(text: "할인", topic: "가격"), Keyword(text: "무료 배송", topic: "배송"), Keyword(text: "배송", topic: "배송"),
        Keyword(text: "색", topic: "디자인"), Keyword(text: "사은품", topic: "구성", variants: ["증정"]),
    ])

    private func transcript(_ words: [String], start: Double = 10) -> Transcript {
        let timed = words.enumerated().map {
            TimedWord(text: $1, start: start + Double($0), end: start + Double($0) + 0.8, confidence: 0.9)
        }
        return Transcript(
            duration: 100, modelDigest: "",
            segments: [
                TranscriptSegment(
                    start: start, end: start + Double(words.count),
                    text: words.joined(separator: " "), words: timed)
            ])
    }

    private func found(_ words: [String]) -> [String] {
        KeywordMatcher(keywords: Self.list).mentions(in: transcript(words)).map(\.keyword)
    }

    /// Particles after a keyword do not stop it matching (할인을, 할인도, 할인이에요).
    @Test func particleInsensitive() {
        #expect(found(["오늘", "할인을", "해요"]) == ["할인"])
        #expect(found(["할인도", "돼요"]) == ["할인"])
        #expect(found(["특별", "할인이에요"]) == ["할인"])
    }

    /// Spacing does not matter: "할 인" and "오늘할인" both contain 할인.
    @Test func spacingInsensitive() {
        #expect(found(["할", "인", "가격"]) == ["할인"])
        #expect(found(["오늘할인"]) == ["할인"])
        #expect(found(["무료배송"]) == ["무료 배송"])
    }

    /// With a thousand variants sharing prefixes (the trie's branches), each spoken variant is found once, by
    /// the right keyword, and near misses are not.
    @Test func manyVariantsSharingPrefixes() {
        let variants = (0..<1_000).map { "특가\(["가", "나", "다", "라"][$0 % 4])\($0)" }
        let list = KeywordList(keywords: [
            Keyword(text: "특가", topic: "가격", variants: variants), Keyword(text: "특가나", topic: "기타"),
        ])
        let matcher = KeywordMatcher(keywords: list)
        let mentions = matcher.mentions(in: transcript(["오늘", "특가다998", "그리고", "특가나", "특가라"]))
        #expect(mentions.map(\.keyword) == ["특가", "특가나", "특가"])
        #expect(mentions.map(\.time) == [11, 13, 14])
    }

    /// The longer keyword wins where it contains a shorter one; elsewhere the shorter one counts.
    @Test func longestMatchWins() {
        #expect(found(["무료", "배송으로", "보내요", "배송은", "내일"]) == ["무료 배송", "배송"])
    }

    /// A one-syllable keyword must begin a word and be followed only by a particle.
    @Test func singleSyllableNeedsItsOwnWord() {
        #expect(found(["색이", "예뻐요"]) == ["색"])
        #expect(found(["검색", "해", "보세요"]) == [])
        #expect(found(["색깔"]) == [])
    }

    /// Variants count as the keyword; the mention carries time, sentence and confidence.
    @Test func variantsAndDetails() {
        let mentions = KeywordMatcher(keywords: Self.list).mentions(
            in: transcript(["마스크팩", "증정", "해", "드려요"], start: 20))
        #expect(mentions.count == 1)
        #expect(mentions[0].keyword == "사은품" && mentions[0].topic == "구성")
        #expect(mentions[0].time == 21 && mentions[0].end == 21.8)
        #expect(mentions[0].ment == "마스크팩 증정 해 드려요")
        #expect(abs(mentions[0].confidence - 0.9) < 1e-12)
    }
}

/// A keyword written with digits matches the transcript's spoken numbers.
@Test func digitKeywordMatchesSpokenNumbers() {
    let list = KeywordList(keywords: [Keyword(text: "2개", topic: "구성")])
    let words = ["오늘", "두", "개", "사시면"].enumerated().map {
        TimedWord(text: $1, start: Double($0), end: Double($0) + 0.5, confidence: 1)
    }
    let transcript = Transcript(
        duration: 10, modelDigest: "", segments: [TranscriptSegment(start: 0, end: 4, text: "오늘 두 개 사시면", words: words)]
    )
    #expect(KeywordMatcher(keywords: list).mentions(in: transcript).map(\.keyword) == ["2개"])
}
