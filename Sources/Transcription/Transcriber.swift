import Acoustic
import AudioIO
import Features

/// Recording → transcript: decode (16 kHz), cut at pauses, log-mel, acoustic model, CTC decoding,
/// word times on the recording's clock. Streams: memory is one utterance, whatever the length.
public final class Transcriber {
    /// Decoding choices.
    public struct Options: Sendable {
        /// Beam width for prefix beam search; 1 means greedy (best path). Default
        /// `PrefixBeamSearch.defaultBeamWidth` (16).
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
    private let vocabulary: TokenVocabulary
    private let decoder: PrefixBeamSearch?
    /// The model's frame clock (output frame ↔ seconds), for callers that align their own token sequences.
    public let clock: FrameClock

    /// The hotword boost for a model that records none (chosen on synthetic speech, where it costs little).
    public static let defaultHotwordBoost: Float = 1.5

    /// The frame clock of a model: the front end's hop and window, and the model's emission delay.
    public static func clock(for configuration: ModelConfiguration) -> FrameClock {
        let features = FeatureOptions()
        return FrameClock(featureHop: Double(features.hopLength) / Double(features.sampleRate),
                          featureWindow: Double(features.frameLength) / Double(features.sampleRate),
                          emissionDelay: configuration.emissionDelay ?? 0)
    }

    /// Throws `.badConfiguration` when the options' language model was built for other units than `model`'s.
    public init(model: AcousticModel, options: Options = Options()) throws(AcousticModelError) {
        self.model = model
        self.options = options
        vocabulary = TokenVocabulary(tokens: model.configuration.vocabulary)
        clock = Self.clock(for: model.configuration)
        let keywords = options.hotwords.map(vocabulary.encode).filter { !$0.isEmpty }
        let boost = options.hotwordBoost ?? model.configuration.hotwordBoost ?? Self.defaultHotwordBoost
        let bias = keywords.isEmpty ? nil : HotwordBias(keywords: keywords, boost: boost)
        let fusion = try options.languageModel.map { languageModel throws(AcousticModelError) in
            try LanguageModelFusion(model: languageModel, tunedFor: model.configuration)
        }
        decoder = options.beamWidth > 1 || bias != nil || fusion != nil
            ? PrefixBeamSearch(beamWidth: max(options.beamWidth, 2), hotwords: bias, languageModel: fusion) : nil
    }

    /// Transcribes the recording at `path`.
    /// - Parameters:
    ///   - progress: called with seconds of audio decoded so far.
    ///   - utterance: called with each utterance's result as soon as it is ready.
    public func transcribe(
        path: String, progress: ((Double) -> Void)? = nil, utterance: ((UtteranceResult) -> Void)? = nil
    ) throws(AudioIOError) -> Transcript {
        let audio = try AudioDecoder(path: path)
        let segmenter = PauseSegmenter(options: options.segmentation)
        var segments: [TranscriptSegment] = []
        var decodedSamples = 0
        func run(_ pieces: [PauseSegmenter.Segment]) {
            for piece in pieces {
                let result = recognise(piece.samples, start: piece.start)
                segments.append(result.segment)
                utterance?(result)
            }
        }
        while let block = try audio.nextBlock() {
            decodedSamples += block.count
            run(segmenter.process(block))
            progress?(Double(decodedSamples) / Double(audio.outputRate))
        }
        run(segmenter.finish())
        return Transcript(duration: audio.info.duration, modelDigest: model.digest,
                          segments: segments.filter { !$0.words.isEmpty })
    }

    /// Recognises one utterance of 16 kHz samples that starts `start` seconds into the recording.
    public func recognise(_ samples: [Float], start: Double) -> UtteranceResult {
        let posteriors = acousticPosteriors(samples)
        let end = start + Double(samples.count) / Double(FeatureOptions().sampleRate)
        return UtteranceResult(segment: decode(posteriors, start: start, end: end), posteriors: posteriors)
    }

    /// The acoustic model's log-probabilities for one utterance of 16 kHz samples.
    public func acousticPosteriors(_ samples: [Float]) -> Posteriors {
        let features = LogMelExtractor.compute(samples)
        return model.logProbabilities(features: features, frames: features.count / model.configuration.melBins)
    }

    /// Decodes checkpointed posteriors of an utterance spanning `start`…`end` seconds: the transcript
    /// stage reruns this with new hotwords without running the acoustic model again.
    public func decode(_ posteriors: Posteriors, start: Double, end: Double) -> TranscriptSegment {
        let tokens = decoder?.decode(posteriors) ?? GreedyDecoder.decode(posteriors)
        let words = TimedWords.words(for: tokens, posteriors: posteriors, vocabulary: vocabulary, clock: clock,
                                     offset: start, bounds: start...max(start, end))
        return TranscriptSegment(start: start, end: end, text: words.map(\.text).joined(separator: " "), words: words)
    }
}
