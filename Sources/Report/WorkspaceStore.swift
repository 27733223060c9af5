import Foundation
import Insight
import Transcription

/// A `BroadcastStore` over a workspace folder:
/// `<root>/broadcasts/<id>/` with `manifest.json` (stages), `alignment.json` (an `InsightReport`),
/// `transcript.json`, optional `reviews.json` (`ReviewDigest`), optional `meta.json` (`BroadcastMetadata`)
/// and the recording as `recording.<ext>`, or `<root>/processed/<manifest name>`.
public struct WorkspaceStore: BroadcastStore {
    /// The workspace folder.
    public let root: String

    /// Creates a store over `root`.
    public init(root: String) { self.root = root }

    private var broadcasts: String { root + "/broadcasts" }

    public func entries() throws(ReportError) -> [BroadcastEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: broadcasts)) ?? []
        return names.filter { Self.isPlainName($0) && isDirectory(broadcasts + "/" + $0) }
            .map { entry(id: $0, report: try? load(InsightReport.self, $0, "alignment.json")) }
            .sorted { ($0.date ?? .distantPast, $0.id) > ($1.date ?? .distantPast, $1.id) }
    }

    public func broadcast(id: String) throws(ReportError) -> Broadcast {
        try checkExists(id)
        guard let report = try load(InsightReport.self, id, "alignment.json") else {
            throw .unreadable(path: folder(id) + "/alignment.json", detail: "missing: run the align stage first")
        }
        let metadata = metadata(id)
        var names: [String: String] = [:]
        for product in metadata?.products ?? [] { names[product.id] = product.name }
        for product in report.summary.products { if let name = product.name { names[product.id] = name } }
        return Broadcast(entry: entry(id: id, report: report), report: report,
                         transcript: try load(Transcript.self, id, "transcript.json"),
                         reviews: try load(ReviewDigest.self, id, "reviews.json"), productNames: names)
    }

    public func recording(id: String) throws(ReportError) -> RecordingFile {
        try checkExists(id)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder(id))) ?? []
        if let own = files.sorted().first(where: { $0.hasPrefix("recording.") }) {
            return RecordingFile(path: folder(id) + "/" + own, mimeType: Self.mimeType(own))
        }
        if let name = manifest(id)?.name, Self.isPlainName(name) {
            let path = root + "/processed/" + name
            if FileManager.default.fileExists(atPath: path) { return RecordingFile(path: path, mimeType: Self.mimeType(name)) }
        }
        // `liveinsight run` leaves the recording where it was; the decode stage noted its path.
        if let probed = try? load(ProbedRecording.self, id, "recording.json"), probed.audio.path.hasPrefix("/"),
           FileManager.default.fileExists(atPath: probed.audio.path) {
            return RecordingFile(path: probed.audio.path, mimeType: Self.mimeType(probed.audio.path))
        }
        throw .noRecording(id)
    }

    /// How checkpoints may spell non-finite numbers (older alignments held infinite uplift bounds): "Infinity", "-Infinity", "NaN".
    public static let nonFiniteNumbers = JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    /// True for a single path component that cannot climb out of its folder.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\") && !name.contains("\0")
    }

    static func mimeType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "ogg", "oga": "audio/ogg"
        case "opus": "audio/ogg; codecs=opus"
        case "wav": "audio/wav"
        case "flac": "audio/flac"
        case "mp3": "audio/mpeg"
        case "m4a", "mp4": "audio/mp4"
        default: "application/octet-stream"
        }
    }

    private func folder(_ id: String) -> String { broadcasts + "/" + id }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    private func checkExists(_ id: String) throws(ReportError) {
        guard Self.isPlainName(id), isDirectory(folder(id)) else { throw .unknownBroadcast(id) }
    }

    private func entry(id: String, report: InsightReport?) -> BroadcastEntry {
        let manifest = manifest(id)
        let metadata = metadata(id)
        let stages = (manifest?.stages ?? [:]).map { StageState(name: $0.key, status: $0.value.status) }
            .sorted { $0.name < $1.name }
        let title = metadata?.title ?? manifest?.name ?? id
        let date = metadata?.start ?? manifest?.stages.values.compactMap(\.started).min()
        return BroadcastEntry(id: id, title: title, date: date, duration: report?.duration, stages: stages,
                              summary: report?.summary)
    }

    private func manifest(_ id: String) -> ManifestSubset? { try? load(ManifestSubset.self, id, "manifest.json", dates: true) }

    /// Decodes `<id>/<file>`; nil when the file does not exist, an error when it is not valid.
    /// The broadcast's metadata: the pipeline keeps the user's copy in `inputs/meta.json`.
    private func metadata(_ id: String) -> BroadcastMetadata? {
        (try? load(BroadcastMetadata.self, id, "inputs/meta.json", dates: true)) ?? (try? load(BroadcastMetadata.self, id, "meta.json", dates: true))
    }

    private func load<T: Decodable>(_ type: T.Type, _ id: String, _ file: String, dates: Bool = false) throws(ReportError) -> T? {
        let path = folder(id) + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        if dates { decoder.dateDecodingStrategy = .iso8601 }
        decoder.nonConformingFloatDecodingStrategy = Self.nonFiniteNumbers
        do { return try decoder.decode(T.self, from: data) } catch {
            throw .unreadable(path: path, detail: "not a valid \(file) (\(error))")
        }
    }
}

/// The part of the pipeline's `recording.json` the player needs.
private struct ProbedRecording: Decodable {
    struct Audio: Decodable { let path: String }
    let audio: Audio
}

/// The part of the pipeline's `manifest.json` the list shows.
struct ManifestSubset: Decodable {
    struct Stage: Decodable {
        var status: String
        var started: Date?
    }
    var name: String?
    var stages: [String: Stage]
}
