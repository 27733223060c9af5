import AudioIO
import Foundation

/// `recording.json`, written by the decode stage: what the recording is, as later stages need it.
public struct RecordingInfo: Codable, Sendable, Equatable {
    /// File name inside the broadcast folder.
    public static let fileName = CheckpointFile.recording.name

    /// File name of the recording when it was probed.
    public var name: String
    /// Size and SHA-256 of the recording's bytes.
    public var content: FileDigest
    /// Length in seconds.
    public var duration: Double
    /// The header as libsndfile reports it.
    public var audio: AudioFileInfo

    public init(name: String, content: FileDigest, audio: AudioFileInfo) {
        (self.name, self.content, self.audio, duration) = (name, content, audio, audio.duration)
    }

    /// Reads `recording.json` from `folder`.
    public static func load(folder: String) throws(PipelineError) -> RecordingInfo {
        let path = folder + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, detail: "no such file; run the decode stage first")
        }
        do { return try JSONDecoder().decode(RecordingInfo.self, from: data) } catch {
            throw .corruptCheckpoint(path: path, detail: "not a recording description: \(error)")
        }
    }
}
