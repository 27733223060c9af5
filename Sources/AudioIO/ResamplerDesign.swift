import Foundation

/// The low-pass filter a `Resampler` uses, as edges relative to the lower of the two sample rates.
///
/// Defaults (for 16 kHz output): flat to 7 kHz, at least 80 dB down from 8 kHz — everything that
/// would alias back into the speech band is removed, and the band a log-mel front end uses is kept.
/// The filter is a Kaiser-windowed sinc; its length follows Kaiser's formula for the attenuation
/// and transition width, so lower rates get proportionally shorter filters.
public struct ResamplerDesign: Sendable, Equatable {
    /// End of the passband, as a fraction of min(input rate, output rate). Default 0.4375 (7 kHz at 16 kHz).
    public var passbandEdge: Double
    /// Start of the stopband, as a fraction of min(input rate, output rate). Default 0.5 (the output Nyquist).
    public var stopbandEdge: Double
    /// Stop-band attenuation in dB the Kaiser window is designed for. Default 80.
    public var attenuation: Double

    public init(passbandEdge: Double = 0.4375, stopbandEdge: Double = 0.5, attenuation: Double = 80) {
        self.passbandEdge = passbandEdge
        self.stopbandEdge = stopbandEdge
        self.attenuation = attenuation
    }

    /// Kaiser's β for the designed attenuation.
    var beta: Double {
        attenuation > 50
            ? 0.1102 * (attenuation - 8.7)
            : attenuation >= 21 ? 0.5842 * pow(attenuation - 21, 0.4) + 0.07886 * (attenuation - 21) : 0
    }

    /// Half the filter length in input samples, for a conversion between the given rates.
    func halfLength(inputRate: Int, outputRate: Int) -> Int {
        let transition = (stopbandEdge - passbandEdge) * Double(min(inputRate, outputRate)) / Double(inputRate)
        let length = (attenuation - 7.95) / (2.285 * 2 * Double.pi * transition) + 1
        return max(2, Int((length / 2).rounded(.up)))
    }

    /// Cut-off (−6 dB point) as a fraction of the input rate.
    func cutoff(inputRate: Int, outputRate: Int) -> Double {
        (passbandEdge + stopbandEdge) / 2 * Double(min(inputRate, outputRate)) / Double(inputRate)
    }

    /// The windowed-sinc impulse response at `tau` input samples from the centre.
    func impulse(_ tau: Double, cutoff: Double, halfLength: Int) -> Double {
        let u = tau / Double(halfLength)
        guard abs(u) <= 1 else { return 0 }
        let x = 2 * cutoff * tau
        let sinc = x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
        return 2 * cutoff * sinc * besselI0(beta * (1 - u * u).squareRoot()) / besselI0(beta)
    }
}

/// Modified Bessel function of the first kind, order 0 (power series; converges fast for β < 20).
func besselI0(_ x: Double) -> Double {
    var sum = 1.0, term = 1.0, k = 1.0
    let quarterSquare = x * x / 4
    while term > 1e-12 * sum {
        term *= quarterSquare / (k * k)
        sum += term
        k += 1
    }
    return sum
}
