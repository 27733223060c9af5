/// The log-mel front end's conventions. The defaults are the acoustic model's training recipe,
/// number for number (`Training/liveinsight_train/features.py`); change them only together with a retrained model.
public struct FeatureOptions: Sendable, Equatable, Codable {
    /// Input sample rate in Hz. Default 16 000.
    public var sampleRate: Int = 16_000
    /// Samples per frame. Default 400 (25 ms).
    public var frameLength: Int = 400
    /// Samples between frame starts. Default 160 (10 ms).
    public var hopLength: Int = 160
    /// FFT size; frames are zero-padded to it when larger than `frameLength`. Default 400 (201 bins).
    public var fftSize: Int = 400
    /// Number of triangular mel filters. Default 80.
    public var melBins: Int = 80
    /// Lowest filter edge in Hz. Default 0.
    public var minFrequency: Double = 0
    /// Highest filter edge in Hz. Default 8 000 (the Nyquist frequency at 16 kHz).
    public var maxFrequency: Double = 8_000
    /// Mel energies are clamped to at least this before the natural log. Default 1e-10.
    public var logFloor: Float = 1e-10

    /// The training recipe's conventions. Also fixed, not options: periodic Hann window; power
    /// spectrum; HTK mel scale with unnormalised triangles; no dither, pre-emphasis or DC removal;
    /// only whole frames (frame i covers samples [i·hop, i·hop + frameLength)), no centre padding.
    public init() {}

    /// Frames produced from `samples` samples: `1 + (samples − frameLength) / hop`, or 0 if too short.
    public func frameCount(samples: Int) -> Int {
        samples < frameLength ? 0 : 1 + (samples - frameLength) / hopLength
    }

    /// Time in seconds of the centre of frame `index`.
    public func frameCentre(_ index: Int) -> Double {
        (Double(index * hopLength) + Double(frameLength) / 2) / Double(sampleRate)
    }
}
