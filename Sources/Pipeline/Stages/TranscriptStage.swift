import Foundation
import Insight
import Transcription

/// `transcript`: decodes `posteriors.bin` with prefix beam search (fused with the language model when the
/// settings hold one), favouring the keyword list's keywords
/// and variants (`Insight.KeywordList`, written and spoken forms) as hotwords when one is given, and
/// writes `transcript.json` (the `Transcript` type: segments → words with times and confidences).
/// Reruns in seconds when the keywords or the beam change.
struct TranscriptStage: Stage {
    let name = "transcript"
    let version = "1"
    let inputs: [StageInput] = [.stage("decode"), .stage("acoustic"), .user(.keywords, required: false)]
    static let fileName = "transcript.json"
    let outputs = [TranscriptStage.fileName]
    let usesModel = true   // the vocabulary maps units to text

    func parameters(_ settings: PipelineSettings) -> [String: String] {
        // The fusion weights and the model's own hotword boost are in its configuration, which its digest covers.
        var parameters = ["beamWidth": "\(settings.decoding.beamWidth)",
                          "hotwordBoost": settings.decoding.hotwordBoost.map { "\($0)" } ?? "model's"]
        if let languageModel = settings.decoding.languageModel { parameters["languageModel"] = languageModel.digest }
        return parameters
    }

    func run(_ context: StageContext) throws {
        let recording = try RecordingInfo.load(folder: context.folder)
        let model = try context.model.model()
        let reader = try PosteriorsReader(path: context.path(PosteriorsFile.fileName))
        guard reader.modelDigest == model.digest else {
            throw PipelineError.corruptCheckpoint(path: reader.path, detail:
                "written by model \(reader.modelDigest.prefix(12))…, the current model is \(model.digest.prefix(12))…")
        }
        var options = context.settings.decoding
        options.hotwords = try context.userInput(.keywords).map { path throws(InsightError) in
            try KeywordList.load(path: path).keywords.flatMap(\.spellings)
        } ?? []
        let transcriber: Transcriber
        do { transcriber = try Transcriber(model: model, options: options) } catch {
            throw PipelineError.modelUnusable(detail: error.description)
        }
        let progress = context.progress("transcript", total: recording.duration, unit: "s")
        defer { progress?.finish() }
        var segments: [TranscriptSegment] = []
        while let utterance = try reader.next() {
            let segment = transcriber.decode(utterance.posteriors, start: utterance.start, end: utterance.end)
            if !segment.words.isEmpty { segments.append(segment) }
            progress?.update(utterance.end)
        }
        let transcript = Transcript(duration: recording.duration, modelDigest: model.digest, segments: segments)
        try AtomicFile.write(Data(try TranscriptFormat.json.render(transcript).utf8), to: context.path(Self.fileName))
    }
}
