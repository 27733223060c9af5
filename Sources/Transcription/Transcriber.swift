import Acoustic
import AudioIO
import Features

/// Recording → transcript: a `PosteriorsStream` (decode, cut at pauses, log-mel, acoustic model) composed
/// with a `CTCDecoder` chosen from the options, and word times on the recording's clock.
public final class Transcriber {
    /// Decoding choices.
    public struct Options: Sendable {
        /// Beam width for prefix beam search; 1 keeps a single hypothesis (best-path decoding when there are
        /// no hotwords and no language model). Values below 1 count as 1. Default
        /// `PrefixBeamSearch.defaultBeamWidth` (32).
        public var beamWidth = PrefixBeamSearch.defaultBeamWidth
        /// Keywords to favour (e.g. the analysts' keyword list), in any spelling the vocabulary covers.
        public var hotwords: [String] = []
        /// Log-probability bonus per hotword unit; nil: the boost the model records, else
        /// `Transcriber.defaultHotwordBoost`.
        public var hotwordBoost: Float?
        /// A language model fused into the beam search (`ModelLocator.languageModelPath(forModel:)`) with the
        /// weights the acoustic model records; none by default.
        public var languageModel: NgramLanguageModel?
        /// How the recording is cut into utterances.
        public var segmentation = PauseSegmenter.Options()

        public init() {}
    }

    /// What one utterance produced, for stages that checkpoint more than the transcript.
    public struct UtteranceResult {
        public let segment: TranscriptSegment
        /// The model's log-probabilities (frames on the clock of `segment.start`).
        public let posteriors: Posteriors
    }

    public let model: AcousticModel
    public let options: Options
    /// The acoustic half: recording → posteriors per utterance.
    public let posteriorsStream: PosteriorsStream
    /// The search the options ask for (`decoder(for:options:)`).
    public let decoder: any CTCDecoder
    private let vocabulary: TokenVocabulary
    /// The model's frame clock (output frame ↔ seconds), for callers that align their own token sequences.
    public let clock: FrameClock

    /// The hotword boost for a model that records none (chosen on synthetic speech, where it costs little).
    public static let defaultHotwordBoost: Float = 1.5

    /// The frame clock of a model: the front end's hop and window, and the model's emission delay.
    public static func clock(for configuration: ModelConfiguration) -> FrameClock {
        let features = FeatureOptions()
        return FrameClock(
            featureHop: Double(features.hopLength) / Double(features.sampleRate),
            featureWindow: Double(features.frameLength) / Double(features.sampleRate),
            emissionDelay: configuration.emissionDelay ?? 0)
    }

    /// The decoder for `options`: best path for beam 1 with nothing to favour, else prefix beam search of
    /// exactly that width with the hotwords and the language model the options hold. Throws
    /// `.badConfiguration` when the language model was built for other units than the model's.
    public static func decoder(
        for configuration: ModelConfiguration, options: Options
    )
        throws(AcousticModelError) -> any CTCDecoder
    {
        let vocabulary = TokenVocabulary(tokens: configuration.vocabulary)
        let keywords = options.hotwords.map(vocabulary.encode).filter { !$0.isEmpty }
        let boost = options.hotwordBoost ?? configuration.hotwordBoost ?? Self.defaultHotwordBoost
        let bias = keywords.isEmpty ? nil : HotwordBias(keywords: keywords, boost: boost, vocabulary: vocabulary)
        let fusion = try options.languageModel.map { languageModel throws(AcousticModelError) in
            try LanguageModelFusion(model: languageModel, tunedFor: configuration)
        }
        let beamWidth = max(options.beamWidth, 1)
        if beamWidth == 1 && bias == nil && fusion == nil { return GreedyDecoder() }
        return PrefixBeamSearch(beamWidth: beamWidth, hotwords: bias, languageModel: fusion)
    }

    /// Throws `.badConfiguration` when the options' language model was built for other units than `model`'s,
    /// or when the model reads another number of mel bins than the front end computes.
    public init(model: AcousticModel, options: Options = Options()) throws(AcousticModelError) {
        self.model = model
        self.options = options
        posteriorsStream = try PosteriorsStream(model: model, segmentation: options.segmentation)
        decoder = try Self.decoder(for: model.configuration, options: options)
        vocabulary = TokenVocabulary(tokens: model.configuration.vocabulary)
        clock = Self.clock(for: model.configuration)
    }

    /// Transcribes the recording at `path`.
    /// - Parameters:
    ///   - progress: called with seconds of audio decoded so far.
    ///   - utterance: called with each utterance's result as soon as it is ready.
    public func transcribe(
        path: String, progress: ((Double) -> Void)? = nil, utterance: ((UtteranceResult) -> Void)? = nil
    ) throws(AudioIOError) -> Transcript {
        var segments: [TranscriptSegment] = []
        let duration = try posteriorsStream.stream(path: path, progress: progress) { piece in
            let result = UtteranceResult(
                segment: decode(piece.posteriors, start: piece.start, end: piece.end),
                posteriors: piece.posteriors)
            segments.append(result.segment)
            utterance?(result)
        }
        return Transcript(
            duration: duration, modelDigest: model.digest,
            segments: segments.filter { !$0.words.isEmpty })
    }

    /// Recognises one utterance of 16 kHz samples that starts `start` seconds into the recording.
    public func recognise(_ samples: [Float], start: Double) -> UtteranceResult {
        let posteriors = posteriorsStream.posteriors(samples)
        let end = posteriorsStream.end(of: samples, start: start)
        return UtteranceResult(segment: decode(posteriors, start: start, end: end), posteriors: posteriors)
    }

    /// Decodes checkpointed posteriors of an utterance spanning `start`…`end` seconds: the transcript
    /// stage reruns this with new hotwords without running the acoustic model again.
    public func decode(_ posteriors: Posteriors, start: Double, end: Double) -> TranscriptSegment {
        let tokens = decoder.decode(posteriors)
        let words = TimedWords.words(
            for: tokens, posteriors: posteriors, vocabulary: vocabulary, clock: clock,
            offset: start, bounds: start...max(start, end))
        return TranscriptSegment(start: start, end: end, text: words.map(\.text).joined(separator: " "), words: words)
    }
}
