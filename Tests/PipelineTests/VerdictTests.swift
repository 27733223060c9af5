import Foundation
import Insight
import Testing

@testable import Checkpoints
@testable import Pipeline

/// Analysts' verdicts on mentions (`PipelineRunner.recordVerdicts`): kept as the broadcast's verdicts input and
/// applied by the mentions stage, so each reruns the mentions and the alignment only.
struct VerdictTests {
    /// A processed clip whose transcript says 오늘 특가 무료 배송 (특가 at 0.4 s, 배송 at 1.2 s), its mentions found.
    private func saidClip() throws -> (runner: PipelineRunner, broadcast: String, folder: String) {
        let (runner, first) = try Fixtures.processedClip()
        try Fixtures.sayWords(["오늘", "특가", "무료", "배송"], folder: first.folder)
        // A new list, so that the mentions stage runs again on the transcript just written.
        _ = try runner.rerun(
            broadcast: first.broadcast, from: ["mentions"],
            inputs: [.keywords: try Fixtures.file("said.csv", "keyword,topic\n특가,가격\n배송,배송\n")])
        return (runner, first.broadcast, first.folder)
    }

    private func mentions(_ folder: String) throws -> [Mention] {
        try CheckpointJSON.read([Mention].self, from: folder + "/" + CheckpointFile.mentions.name)
    }

    private func alignedKeywords(_ folder: String) throws -> [String] {
        try CheckpointJSON.read(InsightReport.self, from: folder + "/" + CheckpointFile.alignment.name).ments.map(
            \.mention.keyword)
    }

    /// A rejected mention leaves the mentions and the alignment; only those two stages run.
    @Test func rejectedMentionLeavesTheAlignment() throws {
        let (runner, broadcast, folder) = try saidClip()
        #expect(try mentions(folder).contains { $0.keyword == "특가" && $0.source != .acoustic })
        let summary = try runner.recordVerdicts(
            broadcast: broadcast, changes: [.init(keyword: "특가", time: 0.45, verdict: .rejected)], by: "kim")
        #expect(summary.stages.map(\.stage) == ["mentions", "alignment"])
        #expect(summary.stages.allSatisfy { $0.status == .ran })
        #expect(try !mentions(folder).contains { $0.keyword == "특가" && abs($0.time - 0.4) < 0.3 })
        #expect(try !alignedKeywords(folder).contains("특가"))
        #expect(try alignedKeywords(folder).contains("배송"))
        let stored = try MentionVerdicts.load(path: folder + "/" + UserInputKind.verdicts.pathInBroadcast)
        #expect(stored.entries.map(\.by) == ["kim"])
    }

    /// A confirmed mention stays at confidence 1 and says who confirmed it; withdrawing gives it back as found.
    @Test func confirmationAndWithdrawal() throws {
        let (runner, broadcast, folder) = try saidClip()
        let found = try mentions(folder)
        _ = try runner.recordVerdicts(
            broadcast: broadcast, changes: [.init(keyword: "배송", time: 1.2, verdict: .confirmed)])
        let confirmed = try #require(try mentions(folder).first { $0.keyword == "배송" && $0.confirmedBy != nil })
        #expect(confirmed.confidence == 1 && confirmed.confirmedBy == "")
        _ = try runner.recordVerdicts(broadcast: broadcast, changes: [.init(keyword: "배송", time: 1.2, verdict: nil)])
        #expect(try mentions(folder) == found)
    }

    /// Verdicts stay with the broadcast: a new keyword list that still holds the keyword keeps it rejected.
    @Test func verdictsOutliveANewKeywordList() throws {
        let (runner, broadcast, folder) = try saidClip()
        _ = try runner.recordVerdicts(
            broadcast: broadcast, changes: [.init(keyword: "특가", time: 0.4, verdict: .rejected)])
        _ = try runner.rerun(
            broadcast: broadcast, from: ["mentions"],
            inputs: [.keywords: try Fixtures.file("more.csv", "keyword,topic\n특가,가격\n무료,배송\n")])
        #expect(try !mentions(folder).contains { $0.keyword == "특가" && abs($0.time - 0.4) < 0.3 })
        #expect(try mentions(folder).contains { $0.keyword == "무료" })
    }

    /// A verdict on a mention the broadcast does not have is refused with the keyword's real times, and nothing is
    /// recorded.
    @Test func unknownMentionIsRefused() throws {
        let (runner, broadcast, folder) = try saidClip()
        #expect {
            try runner.recordVerdicts(
                broadcast: broadcast, changes: [.init(keyword: "특가", time: 30, verdict: .rejected)])
        } throws: { error in
            "\(error)".contains("no mention of '특가' at 30.00 s") && "\(error)".contains("0.40")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + UserInputKind.verdicts.pathInBroadcast))
    }

    /// While a run holds the broadcast's lock, a verdict is refused at once with the reason instead of waiting.
    @Test func busyBroadcastIsSaidSo() throws {
        let (runner, broadcast, folder) = try saidClip()
        let held = try FileLock(path: folder + "/" + CheckpointFile.lockFile)
        #expect {
            try withExtendedLifetime(held) {
                try runner.recordVerdicts(
                    broadcast: broadcast, changes: [.init(keyword: "특가", time: 0.4, verdict: .rejected)])
            }
        } throws: { error in
            "\(error)".contains("is being processed")
        }
    }
}
