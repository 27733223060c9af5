import Transcription

/// `acoustic`: runs the acoustic model once over the recording, utterance by utterance (cut at pauses),
/// and checkpoints every utterance's CTC log-probabilities in `posteriors.bin` (see `PosteriorsFile`).
/// Decoding, hotwords and keyword spotting then work from that file and never rerun the model.
struct AcousticStage: Stage {
    let name = "acoustic"
    let version = "1"
    let inputs: [StageInput] = [.recording, .stage("decode")]
    let outputs = [PosteriorsFile.fileName]
    let usesModel = true

    func parameters(_ settings: PipelineSettings) -> [String: String] {
        let segmentation = settings.decoding.segmentation
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
        let model = try context.model.model()
        var options = Transcriber.Options()
        options.segmentation = context.settings.decoding.segmentation
        options.beamWidth = 1   // the text is not kept here: the cheapest decoding will do
        let transcriber = try Transcriber(model: model, options: options)   // no language model: cannot throw
        let writer = try PosteriorsWriter(path: context.path(PosteriorsFile.fileName),
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
