import AudioIO
import Checkpoints
import Insight
import Reviews
import Transcription

/// The choices a run is made with. Each stage declares which of them enter its cache key; the models
/// are not among them (they come resolved in `StageModels` and enter the key by their digests).
public struct PipelineSettings: Sendable {
    /// Where utterances are cut (default `PauseSegmenter.Options()`).
    public var segmentation = PauseSegmenter.Options()
    /// Beam width for decoding the transcript; 1 decodes the best path only (default `Transcriber.Options`'s, 16).
    public var beamWidth = Transcriber.Options().beamWidth
    /// How strongly the keyword list's keywords are favoured in decoding; nil: the boost the model records.
    public var hotwordBoost = Transcriber.Options().hotwordBoost
    /// How `posteriors.bin` stores log-probabilities. Default float16.
    public var posteriorsEncoding = PosteriorsEncoding.float16
    /// The window after a mention and the rate model's settings (defaults: 3–5 minutes, 95 %).
    public var alignment = AlignmentOptions()
    /// The keyword spotter's threshold (mean log score per unit); nil: the model's calibrated one, or
    /// `KeywordSpotter.defaultThreshold` for a model that records none.
    public var spottingThreshold: Float?
    /// Where review alerts the reviews stage raises for the first time are posted (`watch --alert-url`; nil: none).
    /// Not part of any cache key: it changes where alerts go, not what they are.
    public var alertSender: WebhookSender?

    public init() {}
}
