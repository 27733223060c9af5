import Checkpoints
import Transcription

/// `acoustic`: runs the acoustic model once over the recording, utterance by utterance (cut at pauses),
/// and checkpoints every utterance's CTC log-probabilities in `posteriors.bin` (see `PosteriorsFile`).
/// Decoding, hotwords and keyword spotting then work from that file and never rerun the model.
struct AcousticStage: Stage {
    let name = "acoustic"
    let version = "1"
    let inputs: [StageInput] = [.recording, .stage("decode")]
    let outputs = [CheckpointFile.posteriors.name]
    let models: [ModelRole] = [.acoustic]

    func parameters(_ settings: PipelineSettings) -> [String: String] {
        let segmentation = settings.segmentation
        return [
            "encoding": settings.posteriorsEncoding.rawValue,
            "segment.minimumPause": "\(segmentation.minimumPause)",
            "segment.minimumSpeech": "\(segmentation.minimumSpeech)",
            "segment.maximumLength": "\(segmentation.maximumLength)",
            "segment.speechMargin": "\(segmentation.speechMargin)",
            "segment.absoluteFloor": "\(segmentation.absoluteFloor)",
        ]
    }

    func run(_ context: StageContext) throws {
        let recording = try RecordingInfo.load(folder: context.folder)
        let model = try context.models.acoustic.model()
        let stream: PosteriorsStream
        do { stream = try PosteriorsStream(model: model, segmentation: context.settings.segmentation) } catch {
            throw PipelineError.modelUnusable(detail: error.description)
        }
        let writer = try PosteriorsWriter(
            path: context.path(CheckpointFile.posteriors.name),
            vocabularySize: model.configuration.vocabulary.count,
            modelDigest: model.digest,
            encoding: context.settings.posteriorsEncoding)
        var failure: PipelineError?
        let progress = context.progress("acoustic", total: recording.duration, unit: "s")
        defer { progress?.finish() }
        try stream.stream(path: context.recording, progress: progress?.update) { utterance in
            guard failure == nil else { return }
            do throws(PipelineError) {
                try writer.append(utterance.posteriors, start: utterance.start, end: utterance.end)
            } catch { failure = error }
        }
        if let failure { throw failure }
        try writer.commit()
    }
}
