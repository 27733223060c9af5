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

    /// Streams the recording at `path`, calling `utterance` with each utterance, in recording order, as soon
    /// as it and every utterance before it are ready.
    ///
    /// The front end runs on a thread of its own, a few utterances ahead, so decoding and log-mel overlap the
    /// model's work. The model runs on `model.threads` utterances at once, each on one thread: utterances are
    /// independent, so this keeps every core busy where splitting one utterance's matrix multiplies waits
    /// on the slowest thread at every layer.
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
        let workers = model.threads
        let handOff = FrontEndHandOff<FrontEndItem>(capacity: workers + Self.lookahead)
        let results = OrderedResults<ModelResult>(producers: workers)
        var finished = [frontEnd(audio, into: handOff)]
        let singleThreaded = model.withThreads(1)
        for _ in 0..<workers { finished.append(runModel(singleThreaded, on: handOff, into: results)) }
        defer {
            handOff.cancel()
            for thread in finished { thread.wait() }
        }
        var next = 0
        while let result = results.take(next) {
            next += 1
            switch result {
            case .utterance(let piece, let decoded):
                utterance(piece)
                progress?(decoded)
            case .failed(let error):
                throw error
            }
        }
        progress?(duration)
        return duration
    }

    /// How many utterances the front end may run ahead of the model's threads: enough to keep them busy, few
    /// enough that memory stays at a few utterances whatever the recording's length.
    static let lookahead = 3

    /// What the front-end thread hands to the model's, numbered in recording order.
    private enum FrontEndItem {
        /// One utterance's log-mel frames; `decoded` seconds of audio had been decoded when it was cut.
        case utterance(index: Int, start: Double, end: Double, features: [Float], decoded: Double)
        case failed(index: Int, AudioIOError)
    }

    /// What a model thread hands back.
    private enum ModelResult {
        case utterance(Utterance, decoded: Double)
        case failed(AudioIOError)
    }

    /// Starts a thread that runs `model` on the front end's utterances until there are none.
    /// - Returns: a semaphore signalled when the thread has stopped.
    private func runModel(
        _ model: AcousticModel, on handOff: FrontEndHandOff<FrontEndItem>, into results: OrderedResults<ModelResult>
    ) -> DispatchSemaphore {
        let melBins = features.melBins
        return Self.startThread {
            defer { results.producerFinished() }
            while let item = handOff.take() {
                switch item {
                case .utterance(let index, let start, let end, let features, let decoded):
                    let posteriors = model.logProbabilities(features: features, frames: features.count / melBins)
                    let piece = Utterance(start: start, end: end, posteriors: posteriors)
                    results.put(.utterance(piece, decoded: decoded), at: index)
                case .failed(let index, let error):
                    results.put(.failed(error), at: index)
                }
            }
        }
    }

    /// Starts `body` on a thread of its own, with a stack for the model's kernels (they keep small buffers there).
    /// - Returns: a semaphore signalled when `body` has returned.
    private static func startThread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return finished
    }

    /// Starts the front end (decode, cut at pauses, log-mel) on a thread of its own.
    /// - Returns: a semaphore signalled when the thread has finished with `audio`.
    private func frontEnd(_ audio: AudioDecoder, into handOff: FrontEndHandOff<FrontEndItem>) -> DispatchSemaphore {
        nonisolated(unsafe) let audio = audio  // used by this thread only until its semaphore is signalled
        let (segmentation, features) = (segmentation, features)
        return Self.startThread {
            defer { handOff.close() }
            let segmenter = PauseSegmenter(options: segmentation)
            var (decodedSamples, index) = (0, 0)
            func send(_ pieces: [PauseSegmenter.Segment]) -> Bool {
                let decoded = Double(decodedSamples) / Double(audio.outputRate)
                return pieces.allSatisfy { piece in
                    defer { index += 1 }
                    return handOff.put(
                        .utterance(
                            index: index, start: piece.start, end: piece.end,
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
                _ = handOff.put(.failed(index: index, error))
            }
        }
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
