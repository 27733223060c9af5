import Acoustic
import Testing
import Transcription

@testable import Insight

/// Merging transcript mentions with keyword spotting: one spoken keyword is one mention.
struct MentionFinderTests {
    static let vocabulary = TokenVocabulary(tokens: ["<blank>", "<unk>", "▁", "무", "료", "배", "송", "빠", "른"])
    static let keywords = KeywordList(keywords: [
        Keyword(text: "무료 배송", topic: "배송"), Keyword(text: "빠른 배송", topic: "배송"), Keyword(text: "배송", topic: "배송"),
    ])
    static let start = 10.0

    /// Posteriors that say `units` (vocabulary indices) one each at the given frames, blank elsewhere.
    static func utterance(
        _ units: [(frame: Int, unit: Int)], frames: Int = 60
    ) -> [(start: Double, posteriors: SparsePosteriors)] {
        var rows = [[Int: Float]](repeating: [0: 0.98], count: frames)
        for (frame, unit) in units { rows[frame] = [unit: 0.95] }
        return [(start, KeywordSpotterTests.posteriors(rows, vocabularySize: vocabulary.tokens.count))]
    }

    /// A transcript of words, each spanning the frames given.
    static func transcript(_ words: [(text: String, first: Int, last: Int)]) -> Transcript {
        let clock = FrameClock()
        let timed = words.map {
            TimedWord(
                text: $0.text, start: start + clock.start(of: $0.first), end: start + clock.end(of: $0.last),
                confidence: 0.9)
        }
        return Transcript(
            duration: 100, modelDigest: "",
            segments: [
                TranscriptSegment(
                    start: start, end: start + clock.end(of: 59), text: words.map(\.text).joined(separator: " "),
                    words: timed)
            ])
    }

    static func find(
        _ transcript: Transcript, _ utterances: [(start: Double, posteriors: SparsePosteriors)]
    ) -> [Mention] {
        MentionFinder(keywords: keywords, vocabulary: vocabulary).mentions(in: transcript, utterances: utterances)
    }

    /// 무료 배송 said once, then 배송 alone: spotting finds 배송 inside 무료 배송 as well, which is not a mention.
    @Test func aKeywordInsideALongerOneIsNotCountedTwice() {
        let found = Self.find(
            Self.transcript([("무료", 10, 12), ("배송으로", 14, 17), ("배송은", 40, 43)]),
            Self.utterance([(10, 3), (12, 4), (14, 5), (16, 6), (40, 5), (42, 6)]))
        #expect(found.map(\.keyword) == ["무료 배송", "배송"])
        #expect(found.map(\.source) == [.both, .both])
    }

    /// The transcript misheard 빠른 as 바른 and matched only 배송; spotting hears 빠른 배송, which replaces it.
    @Test func aSpottedLongerKeywordReplacesTheTranscriptsShorterOne() {
        let found = Self.find(
            Self.transcript([("바른", 10, 12), ("배송이라서", 14, 18)]),
            Self.utterance([(10, 7), (12, 8), (14, 5), (16, 6)]))
        #expect(found.map(\.keyword) == ["빠른 배송"])
        #expect(found.first?.source == .acoustic)
        #expect(found.first?.ment == "바른 배송이라서")
    }

    /// The same words from captions: the caption says 바른, so spotting confirms 배송 but adds no 빠른 배송.
    @Test func spottingAddsNothingWhereTheTextWasGiven() {
        var transcript = Self.transcript([("바른", 10, 12), ("배송이라서", 14, 18)])
        for index in transcript.segments[0].words.indices { transcript.segments[0].words[index].origin = .caption }
        let found = Self.find(transcript, Self.utterance([(10, 7), (12, 8), (14, 5), (16, 6)]))
        #expect(found.map(\.keyword) == ["배송"])
        #expect(found.first?.source == .both)
    }

    /// 아이 (two vowels in jamo units) heard in the sound alone is no mention: the same vowels run through
    /// countless words. Where the transcript wrote it, spotting still confirms it.
    @Test func aTwoVowelKeywordIsOnlyConfirmedBySpotting() {
        let jamo = KeywordSpotterTests.jamo
        let keywords = KeywordList(keywords: [Keyword(text: "아이", topic: "육아"), Keyword(text: "할인", topic: "가격")])
        let spotter = KeywordSpotter(keywords: keywords, vocabulary: jamo)
        #expect(spotter.confirmsOnly == ["아이"])
        var rows = [[Int: Float]](repeating: [0: 0.98], count: 60)
        for (k, unit) in (jamo.encode("아이") + [TokenVocabulary.wordBoundary] + jamo.encode("할인")).enumerated() {
            rows[10 + 2 * k] = [unit: 0.95]
        }
        let utterance = [(Self.start, KeywordSpotterTests.posteriors(rows, vocabularySize: jamo.tokens.count))]
        let finder = MentionFinder(keywords: keywords, vocabulary: jamo)
        let unheard = finder.mentions(in: Self.transcript([("어이", 10, 12), ("한인", 16, 24)]), utterances: utterance)
        #expect(unheard.map(\.keyword) == ["할인"] && unheard.map(\.source) == [.acoustic])
        let written = finder.mentions(in: Self.transcript([("아이", 10, 12), ("한인", 16, 24)]), utterances: utterance)
        #expect(written.map(\.keyword) == ["아이", "할인"] && written.map(\.source) == [.both, .acoustic])
    }
}
