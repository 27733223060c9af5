import Foundation

/// `<broadcast>/manifest.json`: what each stage last did there, under which key, when, with which
/// versions, and the size and SHA-256 of every file it wrote. Rewritten atomically after every change,
/// so it always describes files that exist completely.
public struct Manifest: Codable, Sendable, Equatable {
    /// File name inside the broadcast folder.
    public static let fileName = CheckpointFile.manifest.name
    /// Version of this file's layout.
    public static let currentFormat = 1

    /// What a stage is doing or did.
    public enum Status: String, Codable, Sendable {
        /// Started and not finished: the process was killed or is still at it.
        case running
        /// Finished; its outputs are recorded.
        case done
        /// Threw an error; `error` says which.
        case failed
    }

    /// One stage's entry.
    public struct StageEntry: Codable, Sendable, Equatable {
        /// Cache key of the inputs the stage ran on.
        public var key: String
        /// Stage version that ran.
        public var version: String
        /// Model weights digest, for stages that use the model.
        public var modelDigest: String?
        /// Where it is.
        public var status: Status
        /// When it started.
        public var started: Date
        /// When it ended (done or failed).
        public var finished: Date?
        /// Wall-clock seconds the stage took.
        public var seconds: Double?
        /// Output file name → size and SHA-256 (set when done).
        public var outputs: [String: FileDigest]
        /// The one-line error, when failed.
        public var error: String?

        public init(
            key: String, version: String, modelDigest: String?, status: Status, started: Date,
            finished: Date? = nil, seconds: Double? = nil, outputs: [String: FileDigest] = [:], error: String? = nil
        ) {
            (self.key, self.version, self.modelDigest, self.status) = (key, version, modelDigest, status)
            (self.started, self.finished, self.seconds, self.outputs, self.error) = (
                started, finished, seconds, outputs, error
            )
        }
    }

    /// Layout version of the file.
    public var format = Manifest.currentFormat
    /// Broadcast id (content hash prefix of the recording).
    public var broadcast: String
    /// File name of the recording as first seen.
    public var name: String
    /// Version of the liveinsight build that last wrote the manifest.
    public var toolVersion: String
    /// Stage name → entry.
    public var stages: [String: StageEntry]

    public init(broadcast: String, name: String, toolVersion: String, stages: [String: StageEntry] = [:]) {
        (self.broadcast, self.name, self.toolVersion, self.stages) = (broadcast, name, toolVersion, stages)
    }

    /// Reads the manifest in `folder`; nil if there is none.
    public static func load(folder: String) throws(PipelineError) -> Manifest? {
        let path = folder + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do { return try decoder.decode(Manifest.self, from: data) } catch {
            throw .corruptCheckpoint(path: path, detail: "not a manifest: \(error)")
        }
    }

    /// Writes the manifest into `folder` atomically.
    public func save(folder: String) throws(PipelineError) {
        let data: Data
        do { data = try Self.encoder.encode(self) } catch {
            throw .io(path: folder + "/" + Self.fileName, detail: "cannot encode the manifest (\(error))")
        }
        try AtomicFile.write(data, to: folder + "/" + Self.fileName)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
