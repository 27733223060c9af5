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
        var options = Transcriber.Options()
        options.segmentation = context.settings.segmentation
        options.beamWidth = 1   // the text is not kept here: the cheapest decoding will do
        let transcriber = try Transcriber(model: model, options: options)   // no language model: cannot throw
        let writer = try PosteriorsWriter(path: context.path(CheckpointFile.posteriors.name),
                                          vocabularySize: model.configuration.vocabulary.count,
                                          modelDigest: model.digest,
                                          encoding: context.settings.posteriorsEncoding)
        var failure: PipelineError?
        let progress = context.progress("acoustic", total: recording.duration, unit: "s")
        defer { progress?.finish() }
        _ = try transcriber.transcribe(path: context.recording, progress: progress?.update) { utterance in
            guard failure == nil else { return }
            do throws(PipelineError) {
                try writer.append(utterance.posteriors, start: utterance.segment.start, end: utterance.segment.end)
            } catch { failure = error }
        }
        if let failure { throw failure }
        try writer.commit()
    }
}
