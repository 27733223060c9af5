import Foundation
import Testing

@testable import Features

/// Swift log-mel features against the training recipe's reference numbers (see Fixtures/README.md).
struct LogMelParityTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func loadFloats(_ name: String) throws -> [Float] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    /// Every log value matches `Training/liveinsight_train/features.py:log_mel_numpy` within 1e-3 (absolute).
    @Test func matchesTrainingRecipe() throws {
        let samples = try Self.loadFloats("samples.f32")
        let reference = try Self.loadFloats("logmel.f32")
        let swift = LogMelExtractor.compute(samples)
        #expect(swift.count == reference.count)
        #expect(swift.count == 298 * 80)
        let worst = zip(swift, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-3, "max |swift - reference| = \(worst)")
    }
}
