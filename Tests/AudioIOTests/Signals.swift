import Foundation

/// Test signals and measurements shared by the AudioIO tests.
enum Signals {
    /// `seconds` of a sine at `frequency` Hz sampled at `rate`, amplitude `amplitude`.
    static func sine(frequency: Double, rate: Int, seconds: Double, amplitude: Double = 0.5) -> [Float] {
        (0..<Int(seconds * Double(rate))).map {
            Float(amplitude * sin(2 * .pi * frequency * Double($0) / Double(rate)))
        }
    }

    /// Amplitude of the `frequency` component of `samples` (least-squares fit of sine and cosine),
    /// measured on the middle half so filter edges do not count.
    static func amplitude(of frequency: Double, in samples: [Float], rate: Int) -> Double {
        let start = samples.count / 4, end = 3 * samples.count / 4
        var (ss, cc, sy, cy) = (0.0, 0.0, 0.0, 0.0)
        for n in start..<end {
            let phase = 2 * Double.pi * frequency * Double(n) / Double(rate)
            let (s, c, y) = (sin(phase), cos(phase), Double(samples[n]))
            ss += s * s; cc += c * c; sy += s * y; cy += c * y
        }
        let (a, b) = (sy / ss, cy / cc)
        return (a * a + b * b).squareRoot()
    }

    /// Root-mean-square of the middle half of `samples`.
    static func rms(_ samples: [Float]) -> Double {
        let middle = samples[(samples.count / 4)..<(3 * samples.count / 4)]
        return (middle.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(middle.count)).squareRoot()
    }

    static func decibels(_ ratio: Double) -> Double { 20 * log10(ratio) }

    /// The repository's AudioSamples folder.
    static let samplesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AudioSamples")

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "liveinsight-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
