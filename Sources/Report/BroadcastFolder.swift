import Checkpoints
import Foundation
import Insight
import Transcription

/// One broadcast's checkpoint folder, `<workspace>/broadcasts/<id>/`, and the checkpoints the dashboard
/// reads from it (named by `Checkpoints.CheckpointFile`): the alignment report (an `InsightReport`), the
/// transcript, the review digest (`ReviewDigest`), analysts' verdicts on mentions (`MentionVerdicts`), the
/// manifest (for the list when there is no catalog), the metadata (the user's copy in `inputs/`, else beside the
/// checkpoints) and the recording. Every listing reads checkpoints through it.
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
        guard Self.isPlainName(id), FileManager.default.fileExists(atPath: path, isDirectory: &directory),
            directory.boolValue
        else {
            throw .unknownBroadcast(id)
        }
    }

    /// The folder's path.
    public var path: String { workspace + "/" + Workspace.broadcastsFolder + "/" + id }

    /// The alignment stage's report; nil until the stage has run.
    public func report() throws(ReportError) -> InsightReport? {
        try load(InsightReport.self, CheckpointFile.alignment.name)
    }

    /// The length and headline figures for the list: the alignment stage's summary, else those of its report
    /// (older folders, fixtures); nil until the stage has run or when unreadable.
    public func headline() -> HeadlineFigures? {
        (try? load(HeadlineFigures.self, CheckpointFile.summary.name)) ?? ((try? report()) ?? nil)?.headline
    }

    /// The transcript; nil until the transcript stage has run.
    public func transcript() throws(ReportError) -> Transcript? {
        try load(Transcript.self, CheckpointFile.transcript.name)
    }

    /// The reviews stage's digest; nil when the broadcast has no reviews.
    public func reviews() throws(ReportError) -> ReviewDigest? {
        try load(ReviewDigest.self, CheckpointFile.reviews.name)
    }

    /// The broadcast's metadata: the pipeline keeps the user's copy in `inputs/`; hand-made folders hold it
    /// beside the checkpoints. Nil when absent or unreadable.
    public func metadata() -> BroadcastMetadata? {
        let kind = UserInputKind.metadata
        return (try? load(BroadcastMetadata.self, kind.pathInBroadcast, dates: true))
            ?? (try? load(BroadcastMetadata.self, kind.fileName, dates: true))
    }

    /// The pipeline's manifest, for the folder-only list; nil when absent or unreadable.
    public func manifest() -> Manifest? { try? Manifest.load(folder: path) ?? nil }

    /// The alignment stage's report; `.unreadable` until the stage has run (the dashboard needs it).
    public func requiredReport() throws(ReportError) -> InsightReport {
        guard let report = try report() else {
            throw .unreadable(
                path: path + "/" + CheckpointFile.alignment.name,
                detail: "missing: run the align stage first")
        }
        return report
    }

    /// Everything the dashboard shows: `report` (from ``requiredReport()``) with the folder's transcript, reviews
    /// and product names, listed as `entry`.
    public func broadcast(entry: BroadcastEntry, report: InsightReport) throws(ReportError) -> Broadcast {
        var names: [String: String] = [:]
        for product in metadata()?.products ?? [] { names[product.id] = product.name }
        for product in report.summary.products { if let name = product.name { names[product.id] = name } }
        return Broadcast(
            entry: entry, report: report, transcript: try transcript(), reviews: try reviews(), productNames: names,
            verdicts: try verdicts())
    }

    /// Analysts' verdicts on the mentions (`inputs/verdicts.json`); none when no one has given any.
    public func verdicts() throws(ReportError) -> MentionVerdicts {
        let file = path + "/" + UserInputKind.verdicts.pathInBroadcast
        do { return try MentionVerdicts.stored(at: file) } catch {
            throw .unreadable(path: file, detail: "cannot be read as mention verdicts; fix or delete it")
        }
    }

    /// The recording: `recording.<ext>` (not the decode stage's `recording.json`) in the folder, else the first of
    /// `candidates` (where the pipeline saw it: absolute, or relative to the workspace) that exists, else where the
    /// decode stage found it (`RecordingInfo`). `.noRecording` when none is there.
    public func recording(candidates: [String] = []) throws(ReportError) -> RecordingFile {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        // recording.json is the decode stage's description of the recording, not audio.
        if let own = files.sorted().first(where: { $0.hasPrefix("recording.") && $0 != CheckpointFile.recording.name })
        {
            return RecordingFile(path: path + "/" + own, mimeType: Self.mimeType(own))
        }
        // `liveinsight run` leaves the recording where it was; the decode stage noted its path.
        let probed = (try? RecordingInfo.load(folder: path))?.audio.path
        let paths = (candidates + [probed].compactMap { $0 }).map(Workspace(root: workspace).absolutePath(of:))
        for candidate in paths {
            if FileManager.default.fileExists(atPath: candidate) {
                return RecordingFile(path: candidate, mimeType: Self.mimeType(candidate))
            }
        }
        throw .noRecording(id)
    }

    /// How checkpoints may spell non-finite numbers (older alignments
    /// held infinite uplift bounds): "Infinity", "-Infinity", "NaN".
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
            // The likeliest cause is a checkpoint from an earlier version whose stage has changed its format.
            throw .unreadable(
                path: filePath,
                detail: "not a valid \(file) (\(error)); if an earlier LiveInsight "
                    + "wrote it, `liveinsight run` on the broadcast's recording rewrites it")
        }
    }
}
