/// SplitMix64: a tiny, fast, seeded random generator, so simulations, randomised tests and benchmarks
/// produce the same numbers on every run and machine (the standard library's generator is not seedable).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state; each `next()` advances it by the golden-ratio increment.
    public var state: UInt64

    /// A generator starting from `state` (its first output mixes `state + 0x9E3779B97F4A7C15`).
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
