import AudioIO
import Checkpoints
import Foundation

/// `decode`: checks that the recording is audio libsndfile can read and records what it is
/// (`recording.json`: name, content hash, duration, rate, channels, format). Reads only the header,
/// so it is instant; a file damaged further in fails in `acoustic`, which decodes every sample.
struct DecodeStage: Stage {
    let name = "decode"
    let version = "1"
    let inputs: [StageInput] = [.recording]
    let outputs = [CheckpointFile.recording.name]

    func run(_ context: StageContext) throws {
        let info = try AudioFileReader(path: context.recording).info
        guard info.frames > 0 else { throw AudioIOError.noAudio(path: context.recording) }
        let recording = RecordingInfo(
            name: (context.recording as NSString).lastPathComponent,
            content: context.recordingDigest, audio: info)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(recording), to: context.path(CheckpointFile.recording.name))
    }
}
