import Acoustic
import Checkpoints
import ModelLookup
import Reviews
import Transcription

/// The models of a run, resolved once (`ModelLookup.ModelFileResolver`: the flag, the environment, beside
/// the binary, the install prefix) and handed to every stage through its `StageContext`.
public struct StageModels: Sendable {
    /// The acoustic model.
    public let acoustic: StageModel<AcousticModel>
    /// The language model fused into decoding; nil to decode with the acoustic model alone.
    public let language: StageModel<NgramLanguageModel>?
    /// The review sentiment model; nil when none was found (the reviews stage then fails when it has reviews).
    public let review: StageModel<SentimentModel>?

    public init(
        acoustic: StageModel<AcousticModel>, language: StageModel<NgramLanguageModel>? = nil,
        review: StageModel<SentimentModel>? = nil
    ) {
        (self.acoustic, self.language, self.review) = (acoustic, language, review)
    }

    /// Which language model to decode with.
    public enum LanguageModelChoice: Sendable, Equatable {
        /// The acoustic model's own, `<model>.lm.safetensors` beside it, when there is one.
        case companion
        /// This file.
        case file(String)
        /// None: the acoustic model alone.
        case none
    }

    /// Finds the models: the acoustic model at `acoustic` or by its lookup (`ModelNotFound` when there is
    /// none), the language model as `language` says, the review model by its lookup (absent is allowed).
    public static func resolve(
        acoustic: String?, language: LanguageModelChoice, threads: Int
    )
        throws(ModelNotFound) -> StageModels
    {
        let acousticPath = try ModelLocator.resolver.require(explicit: acoustic)
        let languagePath: String? =
            switch language {
            case .companion: ModelLocator.languageModelPath(forModel: acousticPath)
            case .file(let path): path
            case .none: nil
            }
        return StageModels(
            acoustic: .acoustic(path: acousticPath, threads: threads),
            language: languagePath.map { .language(path: $0) },
            review: ReviewModelLocator.resolver.resolve().map { .review(path: $0) })
    }

    /// The digest of the run's model in `role`; nil when the run has none.
    public func digest(_ role: ModelRole) throws(PipelineError) -> String? {
        switch role {
        case .acoustic: try acoustic.digest()
        case .language: try language?.digest()
        case .review: try review?.digest()
        }
    }
}
