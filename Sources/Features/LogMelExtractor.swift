import Foundation

/// Streaming log-mel featurizer: feed 16 kHz samples in blocks of any size, get whole frames out.
///
/// The result is the same however the input is split into blocks, and equals the training recipe's
/// `log_mel_numpy` to within float32 rounding (see `Tests/FeaturesTests` for the stated tolerance).
public final class LogMelExtractor {
    /// The conventions in use.
    public let options: FeatureOptions
    private let fft: RealFFT
    private let window: [Float]
    private let filterbank: MelFilterbank
    private let power: UnsafeMutablePointer<Float>
    private var pending: [Float] = []
    /// Frames produced so far.
    public private(set) var framesEmitted = 0

    /// A featurizer with the given conventions (the training recipe's by default).
    public init(options: FeatureOptions = FeatureOptions()) {
        self.options = options
        fft = RealFFT(size: options.fftSize)
        window = (0..<options.frameLength).map {
            Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(options.frameLength)))
        }
        filterbank = MelFilterbank(options: options)
        power = .allocate(capacity: options.fftSize / 2 + 1)
        for i in 0..<options.fftSize { fft.input[i] = 0 }
    }

    deinit { power.deallocate() }

    /// Consumes `samples` and appends every frame now complete to `frames`
    /// (row-major, `melBins` values per frame). Returns the number of frames appended.
    @discardableResult
    public func process(_ samples: [Float], into frames: inout [Float]) -> Int {
        pending.append(contentsOf: samples)
        let (frameLength, hop, bins) = (options.frameLength, options.hopLength, options.melBins)
        var start = 0
        var produced = 0
        while start + frameLength <= pending.count {
            frames.append(contentsOf: repeatElement(0, count: bins))
            frames.withUnsafeMutableBufferPointer { out in
                pending.withUnsafeBufferPointer { source in
                    computeFrame(source.baseAddress! + start, into: out.baseAddress! + out.count - bins)
                }
            }
            start += hop
            produced += 1
        }
        pending.removeFirst(min(start, pending.count))
        framesEmitted += produced
        return produced
    }

    /// Log-mel frames of a whole signal at once (row-major, `melBins` per frame).
    public static func compute(_ samples: [Float], options: FeatureOptions = FeatureOptions()) -> [Float] {
        var frames: [Float] = []
        frames.reserveCapacity(options.frameCount(samples: samples.count) * options.melBins)
        LogMelExtractor(options: options).process(samples, into: &frames)
        return frames
    }

    private func computeFrame(_ samples: UnsafePointer<Float>, into energies: UnsafeMutablePointer<Float>) {
        for i in 0..<options.frameLength { fft.input[i] = samples[i] * window[i] }
        fft.execute()
        for k in 0...(options.fftSize / 2) {
            let re = fft.output[2 * k], im = fft.output[2 * k + 1]
            power[k] = re * re + im * im
        }
        filterbank.apply(power: power, into: energies)
        for m in 0..<options.melBins { energies[m] = log(max(energies[m], options.logFloor)) }
    }
}
