import Testing

@testable import Validation

/// Reports whose figures mean nothing (0 / 0, or nothing paired) say so, so that a CI gate can fail on them.
struct UnscorableReportTests {
    let validator = TranscriptValidator()

    /// A reference with no items, or only items that normalise to nothing, cannot be scored.
    @Test(arguments: [[String](), ["", "   "], ["?!", "ㅋㅋㅋ"]])
    func emptyReference(texts: [String]) {
        let reference = ItemizedTranscript(
            source: "r.tsv", items: texts.enumerated().map { TranscriptItem(id: "u\($0.offset)", text: $0.element) })
        let hypothesis = ItemizedTranscript(source: "h.tsv", items: [TranscriptItem(id: "u0", text: "안녕하세요")])
        let report = validator.validate(reference: reference, hypothesis: hypothesis)
        #expect(report.unscorableReason?.contains("r.tsv holds no text") == true, "\(report.corpus)")
    }

    /// No reference id with a hypothesis: the ids of both sides are listed.
    @Test func noSharedIDs() {
        let reference = ItemizedTranscript(
            source: "r.tsv", items: [TranscriptItem(id: "a", text: "오늘 특가"), TranscriptItem(id: "b", text: "무료 배송")])
        let hypothesis = ItemizedTranscript(source: "h.tsv", items: [TranscriptItem(id: "x", text: "오늘 특가")])
        let reason = validator.validate(reference: reference, hypothesis: hypothesis).unscorableReason
        #expect(reason?.contains("no reference id has a hypothesis") == true)
        #expect(reason?.contains("'a', 'b'") == true && reason?.contains("'x'") == true)
    }

    /// One shared id is enough to score (the others count as deletions), and so is a pair of documents.
    @Test func scorable() {
        let reference = ItemizedTranscript(
            source: "r.tsv", items: [TranscriptItem(id: "a", text: "오늘 특가"), TranscriptItem(id: "b", text: "무료 배송")])
        let hypothesis = ItemizedTranscript(source: "h.tsv", items: [TranscriptItem(id: "a", text: "오늘 특가")])
        #expect(validator.validate(reference: reference, hypothesis: hypothesis).unscorableReason == nil)
        let document = ItemizedTranscript(
            source: "r.txt", layout: .document, items: [TranscriptItem(id: "r", text: "오늘 특가")])
        let other = ItemizedTranscript(source: "h.txt", layout: .document, items: [TranscriptItem(id: "h", text: "오늘")])
        #expect(validator.validate(reference: document, hypothesis: other).unscorableReason == nil)
    }
}
