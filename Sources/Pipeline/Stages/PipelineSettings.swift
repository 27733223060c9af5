import Insight
import Reviews
import Transcription

/// The choices a run is made with. Each stage declares which of them enter its cache key.
public struct PipelineSettings: Sendable {
    /// Decoding and segmentation (defaults from `Transcriber.Options`: beam 16, hotword boost 1.5,
    /// `PauseSegmenter.Options()`); `hotwords` is ignored here, they come from the keyword list.
    public var decoding = Transcriber.Options()
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
