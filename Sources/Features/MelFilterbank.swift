import Foundation

/// Triangular filters on the HTK mel scale, stored sparsely (each filter touches a few FFT bins).
///
/// Identical in definition to torchaudio's `melscale_fbanks(norm=None, mel_scale="htk")`: the
/// filter edges are equally spaced in mel between the minimum and maximum frequencies, and each
/// FFT bin's weight is the lower of the rising and falling slopes, clamped at zero.
struct MelFilterbank: Sendable {
    /// For filter m: the first FFT bin it touches and its weights from there on.
    let filters: [(firstBin: Int, weights: [Float])]

    init(options: FeatureOptions) {
        let bins = options.fftSize / 2 + 1
        let melMin = Self.hzToMel(options.minFrequency), melMax = Self.hzToMel(options.maxFrequency)
        let edges = (0..<(options.melBins + 2)).map {
            Self.melToHz(melMin + (melMax - melMin) * Double($0) / Double(options.melBins + 1))
        }
        let nyquist = Double(options.sampleRate / 2)
        let binFrequencies = (0..<bins).map { nyquist * Double($0) / Double(bins - 1) }
        filters = (0..<options.melBins).map { m in
            let weights = binFrequencies.map { f -> Double in
                let rising = (f - edges[m]) / (edges[m + 1] - edges[m])
                let falling = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1])
                return max(0, min(rising, falling))
            }
            guard let first = weights.firstIndex(where: { $0 > 0 }),
                let last = weights.lastIndex(where: { $0 > 0 })
            else { return (0, []) }
            return (first, weights[first...last].map { Float($0) })
        }
    }

    /// Applies the filters to a power spectrum, writing one energy per filter.
    @inline(__always)
    func apply(power: UnsafePointer<Float>, into energies: UnsafeMutablePointer<Float>) {
        for (m, filter) in filters.enumerated() {
            var sum: Float = 0
            filter.weights.withUnsafeBufferPointer { weights in
                for k in 0..<weights.count { sum += weights[k] * power[filter.firstBin + k] }
            }
            energies[m] = sum
        }
    }

    static func hzToMel(_ hz: Double) -> Double { 2595 * log10(1 + hz / 700) }
    static func melToHz(_ mel: Double) -> Double { 700 * (pow(10, mel / 2595) - 1) }
}
