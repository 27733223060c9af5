import Checkpoints
import Foundation
import Insight
import Transcription

/// `transcript`: decodes `posteriors.bin` with prefix beam search (fused with the run's language model
/// when it has one), favouring the keyword list's keywords
/// and variants (`Insight.KeywordList`, written and spoken forms) as hotwords when one is given, and
/// writes `transcript.json` (the `Transcript` type: segments → words with times and confidences).
/// Reruns in seconds when the keywords or the beam change. With a transcript from elsewhere (captions) or a
/// cue sheet, the words come from that text where it was said (`TranscriptStage+GivenText.swift`).
struct TranscriptStage: Stage {
    let name = "transcript"
    let version = "2"  // 2: a vowel-initial hotword is not boosted inside another syllable
    let inputs: [StageInput] = [
        .stage("decode"), .stage("acoustic"), .user(.keywords, required: false),
        .user(.transcript, required: false), .user(.script, required: false),
    ]
    let outputs = [CheckpointFile.transcript.name]
    /// The acoustic model's vocabulary maps units to text; the fusion weights are in its configuration.
    let models: [ModelRole] = [.acoustic, .language]

    func parameters(_ settings: PipelineSettings) -> [String: String] {
        // The model's own hotword boost is in its configuration, which its digest covers.
        ["beamWidth": "\(settings.beamWidth)", "hotwordBoost": settings.hotwordBoost.map { "\($0)" } ?? "model's"]
    }

    func run(_ context: StageContext) throws {
        let recording = try RecordingInfo.load(folder: context.folder)
        let model = try context.models.acoustic.model()
        let reader = try PosteriorsReader(path: context.path(CheckpointFile.posteriors.name))
        guard reader.modelDigest == model.digest else {
            throw PipelineError.corruptCheckpoint(
                path: reader.path,
                detail:
                    "written by model \(reader.modelDigest.prefix(12))…, "
                    + "the current model is \(model.digest.prefix(12))…"
            )
        }
        var options = Transcriber.Options()
        options.beamWidth = context.settings.beamWidth
        options.hotwordBoost = context.settings.hotwordBoost
        options.segmentation = context.settings.segmentation
        options.languageModel = try context.models.language?.model()
        options.hotwords =
            try context.userInput(.keywords).map { path throws(InsightError) in
                try KeywordList.load(path: path).keywords.flatMap(\.spellings)
            } ?? []
        let transcriber: Transcriber
        do { transcriber = try Transcriber(model: model, options: options) } catch {
            throw PipelineError.modelUnusable(detail: error.description)
        }
        let duration = recording.duration
        let segments =
            try givenText(context).map { given throws in
                try transcribe(given, reader: reader, transcriber: transcriber, duration: duration, context: context)
            } ?? recognise(reader, with: transcriber, duration: duration, context: context)
        let transcript = Transcript(duration: recording.duration, modelDigest: model.digest, segments: segments)
        try AtomicFile.write(
            Data(try TranscriptFormat.json.render(transcript).utf8),
            to: context.path(CheckpointFile.transcript.name))
    }

    /// Every utterance of `reader` decoded freely, in time order (utterances with no words left out).
    func recognise(
        _ reader: PosteriorsReader, with transcriber: Transcriber, duration: Double,
        context: StageContext
    ) throws -> [TranscriptSegment] {
        let progress = context.progress("transcript", total: duration, unit: "s")
        defer { progress?.finish() }
        var segments: [TranscriptSegment] = []
        while let utterance = try reader.next() {
            let segment = transcriber.decode(utterance.posteriors, start: utterance.start, end: utterance.end)
            if !segment.words.isEmpty { segments.append(segment) }
            progress?.update(utterance.end)
        }
        return segments
    }
}
