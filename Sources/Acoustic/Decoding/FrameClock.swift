/// Maps model output frames to seconds, exactly.
///
/// Feature frame i covers samples [i·hop, i·hop + window). The two stride-2 3×3 convolutions make
/// output frame j see feature frames 4j … 4j+6, centred on feature frame 4j+3, whose centre is at
/// (4j+3)·hop + window/2. With the defaults (10 ms hop, 25 ms window) output frame j is centred at
/// 0.04·j + 0.0425 s — not at 0.04·j, the off-by-a-few-frames error many toolkits make.
///
/// A trained CTC model also emits each unit a little after its sound begins (it waits for context). That
/// lag is a property of the model, measured on a calibration set (`emission_delay` in the model's
/// configuration, `Training/MODEL_FORMAT.md`); the clock moves every frame earlier by it.
public struct FrameClock: Sendable, Equatable {
    /// Seconds between consecutive output frames (feature hop × 4).
    public let step: Double
    /// Centre of output frame 0, in seconds (less the model's emission delay).
    public let firstCentre: Double

    /// - Parameters:
    ///   - featureHop: seconds between feature frames (0.01).
    ///   - featureWindow: seconds per feature frame (0.025).
    ///   - emissionDelay: seconds the model emits a unit after its sound starts (0 when not measured).
    public init(featureHop: Double = 0.01, featureWindow: Double = 0.025, emissionDelay: Double = 0) {
        step = 4 * featureHop
        firstCentre = 3 * featureHop + featureWindow / 2 - emissionDelay
    }

    /// Centre of output frame `frame`.
    public func centre(of frame: Int) -> Double { firstCentre + step * Double(frame) }
    /// Start of the time slot of `frame` (half a step before its centre).
    public func start(of frame: Int) -> Double { centre(of: frame) - step / 2 }
    /// End of the time slot of `frame` (half a step after its centre).
    public func end(of frame: Int) -> Double { centre(of: frame) + step / 2 }
}
