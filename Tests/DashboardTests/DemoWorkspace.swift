import Foundation
import Insight
import Report
import Reviews
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
        root =
            FileManager.default.temporaryDirectory.appendingPathComponent("liveinsight-dashboard-\(UUID().uuidString)")
            .path
        let kit = Self.samples + "/demo-broadcast"
        let transcript = try ReferenceScript.transcript(path: kit + ".ref.tsv")
        let metadata = try BroadcastMetadata.load(path: kit + ".meta.json")
        let events = try EventLog.load(
            path: kit + ".events.csv", broadcastStart: metadata.start, duration: transcript.duration)
        let mentions = MentionFinder(keywords: try KeywordList.load(path: kit + ".keywords.csv")).mentions(
            in: transcript)
        report = AlignmentAnalysis.analyse(
            mentions: mentions, events: events, duration: transcript.duration, metadata: metadata,
            options: AlignmentOptions())
        let encoder = Self.encoder
        for (index, id) in Self.ids.enumerated() {
            let folder = root + "/broadcasts/" + id
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try encoder.encode(transcript).write(to: URL(fileURLWithPath: folder + "/transcript.json"))
            try encoder.encode(report).write(to: URL(fileURLWithPath: folder + "/alignment.json"))
            try encoder.encode(Self.reviews).write(to: URL(fileURLWithPath: folder + "/reviews.json"))
            var meta = try String(contentsOfFile: kit + ".meta.json", encoding: .utf8)
            if index == 1 {
                meta = meta.replacingOccurrences(
                    of: "겨울 니트 · 스킨케어 · 주방 칼 라이브",
                    with: "Second demo " + Self.hostile.replacingOccurrences(of: "\"", with: "\\\""))
            }
            try meta.write(toFile: folder + "/meta.json", atomically: true, encoding: .utf8)
            try Self.manifest(id).write(toFile: folder + "/manifest.json", atomically: true, encoding: .utf8)
            try FileManager.default.copyItem(atPath: kit + ".ogg", toPath: folder + "/recording.ogg")
        }
    }

    /// How the pipeline writes checkpoints (ISO dates, non-finite numbers as strings).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity",
            negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// Both demo shows as the dashboard reads them.
    func broadcasts() throws -> [Broadcast] {
        let store = WorkspaceStore(root: root)
        return try Self.ids.map { try store.broadcast(id: $0) }
    }

    /// Removes the workspace.
    func remove() { try? FileManager.default.removeItem(atPath: root) }

    static func manifest(_ id: String) -> String {
        """
        {"format": 1, "broadcast": "\(id)", "name": "\(id).ogg", "toolVersion": "test", "stages": {
          "transcribe": {"key": "k1", "version": "1", "status": "done", "started": "2026-11-20T11:00:00Z", \
        "outputs": {}},
          "align": {"key": "k2", "version": "1", "status": "done", "started": "2026-11-20T11:01:00Z", "outputs": {}}}}
        """
    }

    static let reviews = ReviewDigest(products: [
        product(
            "P001", "울 니트", reviews: 120, sentiment: 3.9, meanRating: 4.3,
            topics: [
                ("품질", 40, 4.2, 4.5), ("사이즈", 25, 2.8, 3.6), ("배송", 12, 3.5, 4.0),
            ],
            positive: [("부드럽다", 30), ("따뜻하다", 22), ("예쁘다", 15), ("가성비", 9), (hostile, 3)],
            negative: [("보풀", 8), ("작다", 6), ("늦다", 2)]),
        product(
            "P002", "스킨케어 세트", reviews: 64, sentiment: 4.1, meanRating: 4.4,
            topics: [
                ("품질", 20, 4.3, 4.6), ("가격/할인", 14, 3.1, nil),
            ],
            positive: [("촉촉하다", 18), ("향", 7)], negative: [("비싸다", 5)]),
    ])

    /// A product's review results as the reviews stage writes them; shares and rated counts, which the pages do
    /// not show, are filled in plausibly, and a word weighs its count.
    static func product(
        _ id: String, _ name: String?, reviews: Int, sentiment: Double, meanRating: Double?,
        topics: [(topic: String, sentences: Int, sentiment: Double, meanRating: Double?)],
        positive: [(word: String, count: Int)] = [], negative: [(word: String, count: Int)] = []
    ) -> ReviewDigest.Product {
        let topicScores = topics.map {
            TopicScore(
                topic: $0.topic, sentences: $0.sentences, reviews: $0.sentences, sentiment: $0.sentiment,
                positiveShare: $0.sentiment / 5, meanRating: $0.meanRating,
                ratedReviews: $0.meanRating == nil ? 0 : $0.sentences)
        }
        let score = ProductScore(
            productID: id, reviews: reviews, sentiment: sentiment, positiveShare: sentiment / 5,
            meanRating: meanRating, ratedReviews: meanRating == nil ? 0 : reviews,
            topics: topicScores)
        func weighted(_ words: [(word: String, count: Int)]) -> [WeightedWord] {
            words.map { WeightedWord(word: $0.word, weight: Double($0.count), count: $0.count) }
        }
        return ReviewDigest.Product(
            name: name, score: score,
            words: WordCloudWords(
                productID: id, positive: weighted(positive),
                negative: weighted(negative)))
    }
}
