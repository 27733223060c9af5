import Acoustic
import Checkpoints
import Foundation
import Insight
import Transcription

/// `mentions`: the keyword list's mentions, from the transcript's words and from keyword spotting on the
/// checkpointed posteriors (`Insight.MentionFinder`), as analysts' verdicts leave them (`Insight.MentionVerdicts`),
/// written to `mentions.json`. Never runs the model (it reads only the model's configuration, from the file's
/// header): a new keyword list or verdict reruns this stage and the ones after it in seconds.
struct MentionsStage: Stage {
    let name = "mentions"
    // 2: spotting scores relative to at least probability ½; 3: longest keyword wins across sources;
    // 4: confidences calibrated by the model's mention calibration, mentions under its floor dropped;
    // 5: a keyword spelt from a vowel is not spotted inside another syllable;
    // 6: a keyword of fewer than three jamo units is confirmed by spotting, never found by it alone;
    // 7: analysts' verdicts (`MentionVerdicts`) applied
    let version = "7"
    let inputs: [StageInput] = [
        .stage("acoustic"), .stage("transcript"), .user(.keywords, required: true), .user(.verdicts, required: false),
    ]
    let outputs = [CheckpointFile.mentions.name]
    let models: [ModelRole] = [.acoustic]  // spotting spells keywords in the model's units

    /// An explicit threshold enters the key; the model's own is covered by the model digest.
    func parameters(_ settings: PipelineSettings) -> [String: String] {
        settings.spottingThreshold.map { ["spottingThreshold": "\($0)"] } ?? [:]
    }

    func run(_ context: StageContext) throws {
        guard let keywordsPath = context.userInput(.keywords) else { return }
        let keywords = try KeywordList.load(path: keywordsPath)
        let transcript = try CheckpointJSON.read(Transcript.self, from: context.path(CheckpointFile.transcript.name))
        let configuration: ModelConfiguration
        do { configuration = try AcousticModel.configuration(path: context.models.acoustic.path) } catch {
            throw PipelineError.modelUnusable(detail: error.description)
        }
        let vocabulary = TokenVocabulary(tokens: configuration.vocabulary)
        let reader = try PosteriorsReader(path: context.path(CheckpointFile.posteriors.name))
        var utterances: [(start: Double, posteriors: SparsePosteriors)] = []
        while let utterance = try reader.next() {
            utterances.append(
                (utterance.start, SparsePosteriors(utterance.posteriors, keep: PosteriorsEncoding.sparseKeep)))
        }
        let threshold =
            context.settings.spottingThreshold ?? configuration.spottingThreshold
            ?? KeywordSpotter.defaultThreshold
        let found = MentionFinder(
            keywords: keywords, vocabulary: vocabulary, clock: Transcriber.clock(for: configuration),
            spottingThreshold: threshold,
            calibration: MentionCalibration(configuration)
        ).mentions(in: transcript, utterances: utterances)
        let mentions = try context.userInput(.verdicts).map(MentionVerdicts.load)?.applied(to: found) ?? found
        try CheckpointJSON.write(mentions, to: context.path(CheckpointFile.mentions.name))
    }
}
