import Testing
import Transcripts

@testable import Validation

/// Word-time offsets of matched words.
struct WordTimingTests {
    /// Offsets are measured on correct words only, with mean and median of absolute values.
    @Test func offsetsOfMatchedWords() throws {
        let reference = TranscriptItem(
            id: "a", text: "",
            words: [
                TimedWord(text: "오늘", start: 1.0, end: 1.5, confidence: 1),
                TimedWord(text: "특가", start: 2.0, end: 2.5, confidence: 1),
                TimedWord(text: "입니다", start: 3.0, end: 3.5, confidence: 1),
            ])
        let hypothesis = TranscriptItem(
            id: "a", text: "",
            words: [
                TimedWord(text: "오늘", start: 1.1, end: 1.5, confidence: 1),
                TimedWord(text: "특카", start: 2.0, end: 2.5, confidence: 1),
                TimedWord(text: "입니다", start: 2.7, end: 3.6, confidence: 1),
            ])
        let (report, _) = TranscriptValidator().score(reference: reference, hypothesis: hypothesis)
        let timing = try #require(report.timing)
        #expect(timing.matchedWords == 2)
        #expect(abs(timing.meanAbsoluteStartOffset - 0.2) < 1e-9)
        #expect(abs(timing.medianAbsoluteStartOffset - 0.2) < 1e-9)
        #expect(abs(timing.meanAbsoluteEndOffset - 0.05) < 1e-9)
        #expect(abs(timing.meanStartOffset - (-0.1)) < 1e-9)
    }

    /// A word that normalises to several tokens shares its time span evenly.
    @Test func normalisedWordsShareTheirSpan() {
        let analyzer = WordTimingAnalyzer(normalizer: .init(), aligner: LevenshteinAligner())
        let tokens = analyzer.tokens(of: [TimedWord(text: "39,000원", start: 3.0, end: 4.5, confidence: 1)])
        #expect(tokens.map(\.text) == ["삼만", "구천", "원"])
        #expect(tokens.map(\.start) == [3.0, 3.5, 4.0])
    }

    /// Subtitles against a JSON transcript give corpus timing; items without times give none.
    @Test func subtitlesAgainstJSON() throws {
        let loader = TranscriptLoader()
        let reference = try loader.load(try FixturePaths.format("show.srt"))
        let hypothesis = try loader.load(try FixturePaths.format("show.json"))
        let report = TranscriptValidator.validate(reference: reference, hypothesis: hypothesis)
        let timing = try #require(report.corpus.timing)
        #expect(timing.matchedWords == 5)
        #expect(TranscriptValidator().score(reference: "가", hypothesis: "가").timing == nil)
    }
}
