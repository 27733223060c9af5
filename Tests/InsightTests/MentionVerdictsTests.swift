import Foundation
import Insight
import Testing

/// Analysts' verdicts on mentions, as the mentions stage applies them.
struct MentionVerdictsTests {
    private func mention(_ keyword: String, at time: Double, confidence: Double = 0.9) -> Mention {
        Mention(
            keyword: keyword, topic: "t", time: time, end: time + 0.4, confidence: confidence, source: .both,
            ment: "…")
    }

    /// Rejected mentions go, confirmed ones stay at confidence 1 with who confirmed them, the rest are untouched;
    /// a verdict finds its mention within the tolerance, by keyword.
    @Test func appliesVerdicts() {
        var verdicts = MentionVerdicts()
        verdicts.record(.init(keyword: "할인", time: 10.2, verdict: .rejected))
        verdicts.record(.init(keyword: "배송", time: 20, verdict: .confirmed), by: "kim")
        let found = [
            mention("할인", at: 10), mention("할인", at: 30), mention("배송", at: 20.1), mention("배송", at: 10.1),
        ]
        let applied = verdicts.applied(to: found)
        #expect(applied.map(\.time) == [30, 20.1, 10.1])
        #expect(applied[1].confidence == 1 && applied[1].confirmedBy == "kim")
        #expect(applied[0] == found[1] && applied[2] == found[3])
        #expect(verdicts.applied(to: [mention("할인", at: 10.2 + MentionVerdicts.tolerance + 0.01)]).count == 1)
    }

    /// A new verdict on the same mention replaces the old one; a nil verdict withdraws it.
    @Test func recordingReplacesAndWithdraws() {
        var verdicts = MentionVerdicts()
        verdicts.record(.init(keyword: "할인", time: 10, verdict: .rejected), by: "lee")
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        verdicts.record(.init(keyword: "할인", time: 10.1, verdict: .confirmed), by: "kim", at: now)
        #expect(verdicts.entries == [.init(keyword: "할인", time: 10.1, verdict: .confirmed, by: "kim", at: now)])
        #expect(verdicts.rejected.isEmpty && verdicts.hasVerdict(keyword: "할인", time: 10))
        verdicts.record(.init(keyword: "할인", time: 10.1, verdict: nil))
        #expect(verdicts.entries.isEmpty && !verdicts.hasVerdict(keyword: "할인", time: 10))
    }

    /// The file round-trips; a file of something else says what it expected.
    @Test func readsAndRefusesFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdicts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var verdicts = MentionVerdicts()
        verdicts.record(
            .init(keyword: "특가", time: 61.25, verdict: .rejected), by: "kim",
            at: Date(timeIntervalSince1970: 1_796_000_000))
        let good = folder.appendingPathComponent("verdicts.json")
        try verdicts.encoded().write(to: good)
        #expect(try MentionVerdicts.load(path: good.path) == verdicts)
        #expect(try String(contentsOf: good, encoding: .utf8).contains("\"at\" : \"2026-11-30T"))
        let bad = folder.appendingPathComponent("bad.json")
        try Data("[1, 2]".utf8).write(to: bad)
        #expect {
            try MentionVerdicts.load(path: bad.path)
        } throws: { error in
            "\(error)".contains("not mention verdicts: expected")
        }
    }
}
