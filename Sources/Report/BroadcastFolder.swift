import Foundation
import Insight
import Transcription

/// One broadcast's checkpoint folder, `<workspace>/broadcasts/<id>/`, and the files the dashboard reads
/// from it: `alignment.json` (an `InsightReport`), `transcript.json`, `reviews.json` (`ReviewDigest`),
/// `manifest.json` (the pipeline's, for the list when there is no catalog), the metadata (`inputs/meta.json`
/// or `meta.json`) and the recording. Every store reads checkpoints through it, whatever lists the broadcasts.
public struct BroadcastFolder: Sendable {
    /// The workspace folder.
    public let workspace: String
    /// The broadcast id: the folder's name.
    public let id: String

    /// The folder of broadcast `id` in `workspace`; `.unknownBroadcast` when `id` is not a plain folder name
    /// (no `/`, no leading `.`) or has no folder.
    public init(workspace: String, id: String) throws(ReportError) {
        (self.workspace, self.id) = (workspace, id)
        var directory: ObjCBool = false
        guard Self.isPlainName(id), FileManager.default.fileExists(atPath: path, isDirectory: &directory), directory.boolValue else {
            throw .unknownBroadcast(id)
        }
    }

    /// The folder's path.
    public var path: String { workspace + "/broadcasts/" + id }

    /// The alignment stage's report; nil until the stage has run.
    public func report() throws(ReportError) -> InsightReport? { try load(InsightReport.self, "alignment.json") }

    /// The length and headline figures for the list: `summary.json` (written by the alignment stage), else
    /// those of `alignment.json` (older folders, fixtures); nil until the stage has run or when unreadable.
    public func headline() -> HeadlineFigures? {
        (try? load(HeadlineFigures.self, "summary.json")) ?? ((try? report()) ?? nil)?.headline
    }

    /// The transcript; nil until the transcript stage has run.
    public func transcript() throws(ReportError) -> Transcript? { try load(Transcript.self, "transcript.json") }

    /// The reviews stage's digest; nil when the broadcast has no reviews.
    public func reviews() throws(ReportError) -> ReviewDigest? { try load(ReviewDigest.self, "reviews.json") }

    /// The broadcast's metadata: the pipeline keeps the user's copy in `inputs/meta.json`; nil when absent or unreadable.
    public func metadata() -> BroadcastMetadata? {
        (try? load(BroadcastMetadata.self, "inputs/meta.json", dates: true)) ?? (try? load(BroadcastMetadata.self, "meta.json", dates: true))
    }

    /// The part of the pipeline's manifest the folder-only list shows; nil when absent or unreadable.
    func manifest() -> ManifestSubset? { try? load(ManifestSubset.self, "manifest.json", dates: true) }

    /// The alignment stage's report; `.unreadable` until the stage has run (the dashboard needs it).
    public func requiredReport() throws(ReportError) -> InsightReport {
        guard let report = try report() else {
            throw .unreadable(path: path + "/alignment.json", detail: "missing: run the align stage first")
        }
        return report
    }

    /// Everything the dashboard shows: `report` (from ``requiredReport()``) with the folder's transcript, reviews
    /// and product names, listed as `entry`.
    public func broadcast(entry: BroadcastEntry, report: InsightReport) throws(ReportError) -> Broadcast {
        var names: [String: String] = [:]
        for product in metadata()?.products ?? [] { names[product.id] = product.name }
        for product in report.summary.products { if let name = product.name { names[product.id] = name } }
        return Broadcast(entry: entry, report: report, transcript: try transcript(), reviews: try reviews(), productNames: names)
    }

    /// The recording: `recording.<ext>` (not `.json`) in the folder, else the first of `candidates` (absolute paths where the
    /// pipeline saw it) that exists, else where the decode stage found it (`recording.json`). `.noRecording` when none is there.
    public func recording(candidates: [String] = []) throws(ReportError) -> RecordingFile {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        // recording.json is the decode stage's description of the recording, not audio.
        if let own = files.sorted().first(where: { $0.hasPrefix("recording.") && $0 != "recording.json" }) {
            return RecordingFile(path: path + "/" + own, mimeType: Self.mimeType(own))
        }
        // `liveinsight run` leaves the recording where it was; the decode stage noted its path.
        let probed = (try? load(ProbedRecording.self, "recording.json"))?.audio.path
        for candidate in candidates + [probed].compactMap({ $0 }) where candidate.hasPrefix("/") {
            if FileManager.default.fileExists(atPath: candidate) { return RecordingFile(path: candidate, mimeType: Self.mimeType(candidate)) }
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

    /// Decodes `<folder>/<file>`; nil when the file does not exist, `.unreadable` when it is not valid.
    private func load<T: Decodable>(_ type: T.Type, _ file: String, dates: Bool = false) throws(ReportError) -> T? {
        let filePath = path + "/" + file
        guard let data = FileManager.default.contents(atPath: filePath) else { return nil }
        let decoder = JSONDecoder()
        if dates { decoder.dateDecodingStrategy = .iso8601 }
        decoder.nonConformingFloatDecodingStrategy = Self.nonFiniteNumbers
        do { return try decoder.decode(T.self, from: data) } catch {
            throw .unreadable(path: filePath, detail: "not a valid \(file) (\(error))")
        }
    }
}

/// The part of the pipeline's `recording.json` the player needs.
private struct ProbedRecording: Decodable {
    struct Audio: Decodable { let path: String }
    let audio: Audio
}

/// The part of the pipeline's `manifest.json` the folder-only list shows.
struct ManifestSubset: Decodable {
    struct Stage: Decodable {
        var status: String
        var started: Date?
    }
    var name: String?
    var stages: [String: Stage]
}
