import Foundation
import Insight
import Report
import Transcription

/// A workspace built from the demo broadcast kit in AudioSamples/: two broadcasts (the demo twice,
/// under two titles), each with manifest, transcript (from the reference script), alignment, reviews
/// (with hostile strings, to test escaping), metadata and the recording.
struct DemoWorkspace {
    /// Workspace folder (under the temporary directory).
    let root: String
    /// The demo's alignment, as written.
    let report: InsightReport
    /// Ids of the two broadcasts.
    static let ids = ["demo-a", "demo-b"]
    /// A string that would run script if it reached the page unescaped.
    static let hostile = "<img src=x onerror=alert(1)>\"'&"

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("AudioSamples").path

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("liveinsight-dashboard-\(UUID().uuidString)").path
        let kit = Self.samples + "/demo-broadcast"
        let transcript = try ReferenceScript.transcript(path: kit + ".ref.tsv")
        let metadata = try BroadcastMetadata.load(path: kit + ".meta.json")
        let events = try EventLog.load(path: kit + ".events.csv", broadcastStart: metadata.start, duration: transcript.duration)
        let mentions = MentionFinder(keywords: try KeywordList.load(path: kit + ".keywords.csv")).mentions(in: transcript)
        report = AlignmentAnalysis.analyse(mentions: mentions, events: events, duration: transcript.duration, metadata: metadata,
                                           options: AlignmentOptions())
        let encoder = Self.encoder
        for (index, id) in Self.ids.enumerated() {
            let folder = root + "/broadcasts/" + id
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try encoder.encode(transcript).write(to: URL(fileURLWithPath: folder + "/transcript.json"))
            try encoder.encode(report).write(to: URL(fileURLWithPath: folder + "/alignment.json"))
            try encoder.encode(Self.reviews).write(to: URL(fileURLWithPath: folder + "/reviews.json"))
            var meta = try String(contentsOfFile: kit + ".meta.json", encoding: .utf8)
            if index == 1 { meta = meta.replacingOccurrences(of: "겨울 니트 · 스킨케어 · 주방 칼 라이브", with: "Second demo " + Self.hostile.replacingOccurrences(of: "\"", with: "\\\"")) }
            try meta.write(toFile: folder + "/meta.json", atomically: true, encoding: .utf8)
            try Self.manifest(id).write(toFile: folder + "/manifest.json", atomically: true, encoding: .utf8)
            try FileManager.default.copyItem(atPath: kit + ".ogg", toPath: folder + "/recording.ogg")
        }
    }

    /// How the pipeline writes checkpoints (ISO dates, non-finite numbers as strings).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// Removes the workspace.
    func remove() { try? FileManager.default.removeItem(atPath: root) }

    static func manifest(_ id: String) -> String {
        """
        {"format": 1, "broadcast": "\(id)", "name": "\(id).ogg", "toolVersion": "test", "stages": {
          "transcribe": {"key": "k1", "version": "1", "status": "done", "started": "2026-11-20T11:00:00Z", "outputs": {}},
          "align": {"key": "k2", "version": "1", "status": "done", "started": "2026-11-20T11:01:00Z", "outputs": {}}}}
        """
    }

    static let reviews = ReviewDigest(products: [
        .init(productID: "P001", name: "울 니트", reviews: 120, sentiment: 3.9, meanRating: 4.3, topics: [
            .init(topic: "품질", sentences: 40, sentiment: 4.2, meanRating: 4.5),
            .init(topic: "사이즈", sentences: 25, sentiment: 2.8, meanRating: 3.6),
            .init(topic: "배송", sentences: 12, sentiment: 3.5, meanRating: 4.0)],
              positiveWords: [.init(word: "부드럽다", count: 30), .init(word: "따뜻하다", count: 22), .init(word: "예쁘다", count: 15),
                              .init(word: "가성비", count: 9), .init(word: hostile, count: 3)],
              negativeWords: [.init(word: "보풀", count: 8), .init(word: "작다", count: 6), .init(word: "늦다", count: 2)]),
        .init(productID: "P002", name: "스킨케어 세트", reviews: 64, sentiment: 4.1, meanRating: 4.4, topics: [
            .init(topic: "품질", sentences: 20, sentiment: 4.3, meanRating: 4.6),
            .init(topic: "가격/할인", sentences: 14, sentiment: 3.1, meanRating: nil)],
              positiveWords: [.init(word: "촉촉하다", count: 18), .init(word: "향", count: 7)],
              negativeWords: [.init(word: "비싸다", count: 5)]),
    ])
}
