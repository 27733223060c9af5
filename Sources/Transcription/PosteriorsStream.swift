import Acoustic
import AudioIO
import Features
import Foundation

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
    public init(
        model: AcousticModel, segmentation: PauseSegmenter.Options = PauseSegmenter.Options()
    )
        throws(AcousticModelError)
    {
        guard model.configuration.melBins == features.melBins else {
            throw .badConfiguration(
                path: model.path,
                detail: "n_mels \(model.configuration.melBins): the front end "
                    + "computes \(features.melBins) log-mel bins (Training/liveinsight_train/features.py)")
        }
        (self.model, self.segmentation) = (model, segmentation)
    }

    /// Streams the recording at `path`, calling `utterance` with each utterance as soon as it is ready.
    ///
    /// The front end runs on a thread of its own, up to `lookahead` utterances ahead of the model, so
    /// decoding and log-mel overlap the model's work instead of waiting for it.
    /// - Parameter progress: called after each utterance with the seconds of audio decoded when it was cut,
    ///   and with the duration at the end.
    /// - Returns: the recording's duration in seconds.
    @discardableResult
    public func stream(
        path: String, progress: ((Double) -> Void)? = nil,
        utterance: (Utterance) -> Void
    ) throws(AudioIOError) -> Double {
        let audio = try AudioDecoder(path: path)
        let duration = audio.info.duration
        let handOff = FrontEndHandOff<FrontEndItem>(capacity: Self.lookahead)
        let producer = frontEnd(audio, into: handOff)
        defer {
            handOff.cancel()
            producer.wait()
        }
        while let item = handOff.take() {
            switch item {
            case .utterance(let start, let end, let features, let decoded):
                let frames = features.count / self.features.melBins
                let posteriors = model.logProbabilities(features: features, frames: frames)
                utterance(Utterance(start: start, end: end, posteriors: posteriors))
                progress?(decoded)
            case .failed(let error):
                throw error
            }
        }
        progress?(duration)
        return duration
    }

    /// How many utterances the front end may run ahead of the model: enough to keep both busy, few enough
    /// that memory stays at a few utterances whatever the recording's length.
    static let lookahead = 3

    /// What the front-end thread hands to the model's.
    private enum FrontEndItem {
        /// One utterance's log-mel frames; `decoded` seconds of audio had been decoded when it was cut.
        case utterance(start: Double, end: Double, features: [Float], decoded: Double)
        case failed(AudioIOError)
    }

    /// Starts the front end (decode, cut at pauses, log-mel) on a thread of its own.
    /// - Returns: a semaphore signalled when the thread has finished with `audio`.
    private func frontEnd(_ audio: AudioDecoder, into handOff: FrontEndHandOff<FrontEndItem>) -> DispatchSemaphore {
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let audio = audio  // used by this thread only until `finished` is signalled
        let (segmentation, features) = (segmentation, features)
        let thread = Thread {
            defer {
                handOff.close()
                finished.signal()
            }
            let segmenter = PauseSegmenter(options: segmentation)
            var decodedSamples = 0
            func send(_ pieces: [PauseSegmenter.Segment]) -> Bool {
                let decoded = Double(decodedSamples) / Double(audio.outputRate)
                return pieces.allSatisfy { piece in
                    handOff.put(
                        .utterance(
                            start: piece.start, end: piece.end,
                            features: LogMelExtractor.compute(piece.samples, options: features),
                            decoded: decoded))
                }
            }
            do throws(AudioIOError) {
                while let block = try audio.nextBlock() {
                    decodedSamples += block.count
                    guard send(segmenter.process(block)) else { return }
                }
                _ = send(segmenter.finish())
            } catch {
                _ = handOff.put(.failed(error))
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        return finished
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
