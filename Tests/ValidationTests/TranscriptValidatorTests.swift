import Foundation
import Hangul
import Testing

@testable import Validation

/// Hand-checked scoring cases: empty sides, insertions, Unicode forms, numbers, totals, pairing.
struct TranscriptValidatorTests {
    let validator = TranscriptValidator()

    /// Both sides empty: nothing to count, no error.
    @Test func bothEmpty() {
        let report = validator.score(reference: "", hypothesis: "")
        #expect(report.characters == ErrorCounts())
        #expect(report.cer == 0 && report.wer == 0 && !report.sentenceError)
    }

    /// An empty reference counts insertions over a length of one (jiwer's convention).
    @Test func emptyReference() {
        let report = validator.score(reference: "", hypothesis: "음 네")
        #expect(report.words == ErrorCounts(insertions: 2))
        #expect(report.wer == 2 && report.cer == 2)
    }

    /// An empty hypothesis is all deletions.
    @Test func emptyHypothesis() {
        let report = validator.score(reference: "오늘 특가", hypothesis: "")
        #expect(report.words == ErrorCounts(deletions: 2))
        #expect(report.characters == ErrorCounts(deletions: 4))
        #expect(report.wer == 1 && report.cer == 1)
    }

    /// Only insertions: the rate exceeds 1.
    @Test func allInsertions() {
        let report = validator.score(reference: "네", hypothesis: "네 네 네 네")
        #expect(report.words == ErrorCounts(hits: 1, insertions: 3))
        #expect(report.wer == 3)
    }

    /// Conjoining jamo equal composed syllables under NFC, and differ without it.
    @Test func jamoVersusSyllables() {
        let decomposed = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF} 자막"
        #expect(validator.score(reference: "한글 자막", hypothesis: decomposed).cer == 0)
        var options = ValidationOptions()
        options.normalization.unicodeNFC = false
        #expect(TranscriptValidator(options: options).score(reference: "한글 자막", hypothesis: decomposed).cer > 0)
    }

    /// Full-width letters, punctuation and the ideographic space are not errors.
    @Test func fullWidthPunctuation() {
        let report = validator.score(reference: "ＳＡＬＥ！　오늘만。", hypothesis: "sale 오늘만")
        #expect(report.characters.errors == 0 && report.words.errors == 0)
    }

    /// Written and spoken numbers are equal by default and differ with numbers kept.
    @Test func numberForms() {
        #expect(validator.score(reference: "39,000원에 2개", hypothesis: "삼만 구천 원에 두 개").cer == 0)
        var options = ValidationOptions()
        options.normalization.numberForm = .keep
        #expect(TranscriptValidator(options: options).score(reference: "39,000원", hypothesis: "삼만 구천 원").cer > 0)
    }

    /// CER ignores spacing; WER counts it.
    @Test func spacing() {
        let report = validator.score(reference: "할인 가격", hypothesis: "할인가격")
        #expect(report.cer == 0 && !report.sentenceError)
        #expect(report.words == ErrorCounts(substitutions: 1, deletions: 1))
    }

    /// Corpus rates are total errors over total reference length, not the mean of item rates.
    @Test func corpusIsTotals() {
        let reference = ItemizedTranscript(
            source: "r",
            items: [
                TranscriptItem(id: "a", text: "가"), TranscriptItem(id: "b", text: String(repeating: "나", count: 99)),
            ])
        let hypothesis = ItemizedTranscript(
            source: "h",
            items: [
                TranscriptItem(id: "a", text: "다"), TranscriptItem(id: "b", text: String(repeating: "나", count: 99)),
            ])
        let report = validator.validate(reference: reference, hypothesis: hypothesis)
        #expect(report.corpus.cer == 0.01)
        #expect(report.corpus.sentenceErrors == 1 && report.corpus.sentenceErrorRate == 0.5)
    }

    /// Missing hypotheses are all deletions and extra hypothesis ids are listed, both with warnings.
    @Test func unpairedIDs() {
        let reference = ItemizedTranscript(
            source: "r", items: [TranscriptItem(id: "a", text: "가 나"), TranscriptItem(id: "b", text: "다")])
        let hypothesis = ItemizedTranscript(
            source: "h", items: [TranscriptItem(id: "a", text: "가 나"), TranscriptItem(id: "z", text: "라")])
        let report = validator.validate(reference: reference, hypothesis: hypothesis)
        #expect(report.items.map(\.pairing) == [.paired, .missingHypothesis])
        #expect(report.items[1].words == ErrorCounts(deletions: 1))
        #expect(report.unmatchedHypothesisIDs == ["z"])
        #expect(report.warnings.count == 2)
        #expect(report.corpus.missingHypotheses == 1)
    }

    /// Two single documents pair whatever their ids.
    @Test func documentsPairByPosition() {
        let reference = ItemizedTranscript(
            source: "show.ref.txt", layout: .document, items: [TranscriptItem(id: "show", text: "가")])
        let hypothesis = ItemizedTranscript(
            source: "asr.txt", layout: .document, items: [TranscriptItem(id: "asr", text: "가")])
        let report = validator.validate(reference: reference, hypothesis: hypothesis)
        #expect(report.items.first?.pairing == .paired)
        #expect(report.unmatchedHypothesisIDs.isEmpty && report.corpus.cer == 0)
    }

    /// The report survives a JSON round trip and answers the CI threshold.
    @Test func reportIsCodable() throws {
        let reference = ItemizedTranscript(source: "r", items: [TranscriptItem(id: "a", text: "오늘 특가 <b>&")])
        let hypothesis = ItemizedTranscript(source: "h", items: [TranscriptItem(id: "a", text: "오늘 특카")])
        let report = validator.validate(reference: reference, hypothesis: hypothesis)
        let decoded = try JSONDecoder().decode(ValidationReport.self, from: report.jsonData())
        #expect(decoded == report)
        #expect(report.exceeds(maxCER: 0.1) && !report.exceeds(maxCER: 0.5))
    }

    /// Alignments can be left out of reports.
    @Test func alignmentsOptional() {
        let report = TranscriptValidator(options: ValidationOptions(includeAlignments: false))
            .score(reference: "가 나", hypothesis: "가 다")
        #expect(report.wordAlignment == nil && report.characterAlignment == nil)
        #expect(report.words == ErrorCounts(hits: 1, substitutions: 1))
    }
}
