import Acoustic
import Foundation
import Testing

@testable import Insight

/// Spotting keywords in posteriors.
struct KeywordSpotterTests {
    static let vocabulary = TokenVocabulary(tokens: ["<blank>", "<unk>", "▁", "할", "인", "가", "격", "배", "송", "활"])
    static let keywords = KeywordList(keywords: [Keyword(text: "할인", topic: "가격"), Keyword(text: "배송", topic: "배송")])

    static func posteriors(_ frames: [[Int: Float]], vocabularySize v: Int = 10) -> SparsePosteriors {
        var values: [Float] = []
        for frame in frames {
            let rest = (1 - frame.values.reduce(0, +)) / Float(v - frame.count)
            values += (0..<v).map { log(frame[$0] ?? max(rest, 1e-6)) }
        }
        return SparsePosteriors(Posteriors(frames: frames.count, vocabularySize: v, values: values), keep: 4)
    }

    /// A keyword the best path misspells ("활인": 활 beats 할 narrowly) is still found, at the right time.
    @Test func findsAMisspeltKeyword() {
        var frames = [[Int: Float]](repeating: [0: 0.98], count: 30)
        frames[10] = [9: 0.5, 3: 0.45]  // 활 slightly over 할
        frames[12] = [4: 0.9]  // 인
        let mentions = KeywordSpotter(keywords: Self.keywords, vocabulary: Self.vocabulary).spot(
            Self.posteriors(frames), start: 100)
        #expect(mentions.map(\.keyword) == ["할인"])
        #expect(abs(mentions[0].time - (100 + FrameClock().start(of: 10))) < 1e-9)
        #expect(abs(mentions[0].end - (100 + FrameClock().end(of: 12))) < 1e-9)
        #expect(mentions[0].source == .acoustic)
    }

    /// Frames that do not sound like the keyword give nothing.
    @Test func ignoresOtherSpeech() {
        var frames = [[Int: Float]](repeating: [0: 0.98], count: 30)
        frames[5] = [5: 0.95]
        frames[7] = [6: 0.95]  // 가격
        frames[20] = [7: 0.95]  // 배 … without 송
        #expect(
            KeywordSpotter(keywords: Self.keywords, vocabulary: Self.vocabulary).spot(Self.posteriors(frames), start: 0)
                .isEmpty)
    }

    /// Two separate occurrences are two mentions; a held keyword is one.
    @Test func separatesOccurrences() {
        var frames = [[Int: Float]](repeating: [0: 0.98], count: 60)
        for t in [5, 6, 7] { frames[t] = [7: 0.95] }
        frames[9] = [8: 0.95]
        frames[40] = [7: 0.95]
        frames[41] = [8: 0.95]
        let mentions = KeywordSpotter(keywords: Self.keywords, vocabulary: Self.vocabulary).spot(
            Self.posteriors(frames), start: 0)
        #expect(mentions.map(\.keyword) == ["배송", "배송"])
    }

    /// With jamo units the keyword is spotted as its sounding jamo (할인: ᄒ ᅡ ᆯ ᅵ ᆫ), one frame each here.
    static let jamo = TokenVocabulary(
        tokens: ["<blank>", "<unk>", "▁"]
            + (0..<19).filter { $0 != 11 }.map { String(UnicodeScalar(0x1100 + $0)!) }
            + (0..<21).map { String(UnicodeScalar(0x1161 + $0)!) }
            + (0..<27).map { String(UnicodeScalar(0x11A8 + $0)!) })

    @Test func spotsAKeywordInJamoUnits() {
        let jamo = Self.jamo
        let units = jamo.encode("할인")
        #expect(units.count == 5)
        var frames = [[Int: Float]](repeating: [0: 0.98], count: 40)
        for (k, unit) in units.enumerated() { frames[20 + k] = [unit: 0.9] }
        let mentions = KeywordSpotter(keywords: Self.keywords, vocabulary: jamo)
            .spot(Self.posteriors(frames, vocabularySize: jamo.tokens.count), start: 0)
        #expect(mentions.map(\.keyword) == ["할인"])
        #expect(abs(mentions[0].time - FrameClock().start(of: 20)) < 1e-9)
        #expect(abs(mentions[0].end - FrameClock().end(of: 24)) < 1e-9)
    }

    /// A keyword spelt from a vowel (아이: ᅡ ᅵ, its silent onsets left out) is not the inside of another
    /// syllable: heard after an onset (나이: ᄂ ᅡ ᅵ) it is no mention; after a word boundary it is one.
    @Test func aVowelKeywordDoesNotStartInsideASyllable() {
        let jamo = Self.jamo
        let child = KeywordList(keywords: [Keyword(text: "아이", topic: "육아")])
        #expect(jamo.encode("아이").count == 2 && jamo.isVowel(jamo.encode("아이")[0]))
        func spot(_ text: String) -> [Mention] {
            var frames = [[Int: Float]](repeating: [0: 0.98], count: 40)
            for (k, unit) in jamo.encode(text).enumerated() { frames[10 + 2 * k] = [unit: 0.9] }
            return KeywordSpotter(keywords: child, vocabulary: jamo)
                .spot(Self.posteriors(frames, vocabularySize: jamo.tokens.count), start: 0)
        }
        #expect(spot("나이").isEmpty)
        #expect(spot("그 아이").map(\.keyword) == ["아이"])
        #expect(spot("아이").map(\.keyword) == ["아이"])
        #expect(spot("한 아이").map(\.keyword) == ["아이"], "after a coda, a new syllable starts")
    }
}

/// Flat posteriors (an unsure model) spot nothing, however the keyword's units rank.
@Test func flatPosteriorsSpotNothing() {
    // Every unit near 1/10; the keyword's units lead their frames, but only at 0.12.
    var frames = [[Int: Float]](repeating: [0: 0.1], count: 40)
    frames[10] = [3: 0.12]
    frames[11] = [4: 0.12]
    let spotter = KeywordSpotter(keywords: KeywordSpotterTests.keywords, vocabulary: KeywordSpotterTests.vocabulary)
    #expect(spotter.spot(KeywordSpotterTests.posteriors(frames), start: 0).isEmpty)
}
