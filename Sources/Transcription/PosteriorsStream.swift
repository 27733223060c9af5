import Acoustic
import AudioIO
import Features

/// Recording → the acoustic model's log-probabilities, utterance by utterance: decode (16 kHz), cut at
/// pauses, log-mel, acoustic model. No decoding: `Transcriber` adds a `CTCDecoder`, and the pipeline's
/// acoustic stage checkpoints the stream as it is. Memory is one utterance, whatever the length.
public final class PosteriorsStream {
    /// One utterance's log-probabilities and where it lies in the recording.
    public struct Utterance: Sendable {
        /// Seconds from the start of the recording.
        public let start: Double
        /// Seconds from the start of the recording.
        public let end: Double
        /// The model's log-probabilities (frames on the clock of `start`).
        public let posteriors: Posteriors
    }

    public let model: AcousticModel
    /// How the recording is cut into utterances.
    public let segmentation: PauseSegmenter.Options
    private let features = FeatureOptions()

    /// Throws `.badConfiguration` when the model reads log-mel frames of another width than the front end
    /// computes (`FeatureOptions.melBins`, the training recipe's 80), rather than failing at the first utterance.
    public init(model: AcousticModel, segmentation: PauseSegmenter.Options = PauseSegmenter.Options())
        throws(AcousticModelError)
    {
        guard model.configuration.melBins == features.melBins else {
            throw .badConfiguration(path: model.path, detail: "n_mels \(model.configuration.melBins): the front end "
                + "computes \(features.melBins) log-mel bins (Training/liveinsight_train/features.py)")
        }
        (self.model, self.segmentation) = (model, segmentation)
    }

    /// Streams the recording at `path`, calling `utterance` with each utterance as soon as it is ready.
    /// - Parameter progress: called with seconds of audio decoded so far.
    /// - Returns: the recording's duration in seconds.
    @discardableResult
    public func stream(path: String, progress: ((Double) -> Void)? = nil,
                       utterance: (Utterance) -> Void) throws(AudioIOError) -> Double {
        let audio = try AudioDecoder(path: path)
        let segmenter = PauseSegmenter(options: segmentation)
        var decodedSamples = 0
        func run(_ pieces: [PauseSegmenter.Segment]) {
            for piece in pieces {
                utterance(Utterance(start: piece.start, end: piece.end, posteriors: posteriors(piece.samples)))
            }
        }
        while let block = try audio.nextBlock() {
            decodedSamples += block.count
            run(segmenter.process(block))
            progress?(Double(decodedSamples) / Double(audio.outputRate))
        }
        run(segmenter.finish())
        return audio.info.duration
    }

    /// The acoustic model's log-probabilities for one utterance of 16 kHz samples.
    public func posteriors(_ samples: [Float]) -> Posteriors {
        let frames = LogMelExtractor.compute(samples, options: features)
        return model.logProbabilities(features: frames, frames: frames.count / features.melBins)
    }

    /// The end, in seconds, of `samples` 16 kHz samples that start `start` seconds into the recording.
    func end(of samples: [Float], start: Double) -> Double {
        start + Double(samples.count) / Double(features.sampleRate)
    }
}
