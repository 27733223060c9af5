/// Streaming band-limited sample-rate conversion by a rational factor (polyphase windowed sinc).
///
/// Output sample `n` lies at input time `t = n · inputRate / outputRate`; it is the filter's response
/// centred exactly at `t` (no group delay: output and input share a clock, which keeps timestamps
/// exact). Because `t`'s fractional part takes only `L = outputRate / gcd` values, the coefficients
/// of each phase are computed once. Feed blocks of any size with `process`, then call `finish`:
/// the result equals converting the whole signal at once, and memory stays one filter length.
public final class Resampler {
    /// Rate of the samples fed in.
    public let inputRate: Int
    /// Rate of the samples produced.
    public let outputRate: Int
    private let up: Int64  // L: phases
    private let down: Int64  // M: input step per output, in phases
    private let half: Int  // taps either side of the centre
    private let stride: Int  // taps per phase, padded to a multiple of 8 for SIMD
    private let coefficients: [Float]  // up × stride, phase-major
    private var buffer: [Float]  // input samples from global index `bufferStart` on
    private var bufferStart: Int64
    private var inputCount: Int64 = 0
    private var nextOutput: Int64 = 0

    /// A converter from `inputRate` to `outputRate` (both in Hz) with the given filter design.
    public init(inputRate: Int, outputRate: Int, design: ResamplerDesign = ResamplerDesign()) throws(AudioIOError) {
        guard inputRate > 0, outputRate > 0 else {
            throw .invalidArgument("sample rates must be positive (got \(inputRate) → \(outputRate))")
        }
        self.inputRate = inputRate
        self.outputRate = outputRate
        let divisor = gcd(inputRate, outputRate)
        up = Int64(outputRate / divisor)
        down = Int64(inputRate / divisor)
        if inputRate == outputRate {
            half = 0
            stride = 0
            coefficients = []
        } else {
            half = design.halfLength(inputRate: inputRate, outputRate: outputRate)
            stride = (2 * half + 7) / 8 * 8
            let cutoff = design.cutoff(inputRate: inputRate, outputRate: outputRate)
            var table = [Float](repeating: 0, count: Int(up) * stride)
            for phase in 0..<Int(up) {
                let fraction = Double(phase) / Double(up)
                for tap in 0..<(2 * half) {
                    // Tap `tap` multiplies input sample j0 + tap, where j0 = floor(t) − half + 1.
                    let tau = fraction + Double(half - 1 - tap)
                    table[phase * stride + tap] = Float(design.impulse(tau, cutoff: cutoff, halfLength: half))
                }
            }
            coefficients = table
        }
        buffer = [Float](repeating: 0, count: half)
        bufferStart = -Int64(half)
    }

    /// Converts `input` (the next samples of the stream) and appends what is ready to `output`.
    public func process(_ input: [Float], into output: inout [Float]) {
        inputCount += Int64(input.count)
        if up == down {
            output.append(contentsOf: input)
            return
        }
        buffer.append(contentsOf: input)
        emit(upTo: Int64.max, into: &output)
    }

    /// Flushes the filter's tail: appends the last outputs, so that in total
    /// `ceil(inputs · outputRate / inputRate)` samples were produced.
    public func finish(into output: inout [Float]) {
        guard up != down else { return }
        buffer.append(contentsOf: repeatElement(0, count: stride + 1))
        let total = (inputCount * up + down - 1) / down
        emit(upTo: total, into: &output)
    }

    private func emit(upTo limit: Int64, into output: inout [Float]) {
        let available = bufferStart + Int64(buffer.count)  // one past the last buffered index
        // How many outputs the buffered input covers, so the output grows once, not once per sample.
        let lastReachable = ((available - Int64(stride) + Int64(half) - 1) * up + up - 1) / down
        let count = max(0, Int(min(limit, lastReachable + 1) - nextOutput))
        guard count > 0 else { return dropConsumedInput() }
        let written = output.count
        output.append(contentsOf: repeatElement(0, count: count))
        // Step the input position and the phase incrementally (no division per sample), in locals (no
        // exclusivity checks on the object's properties in the loop).
        let position = nextOutput * down
        var phase = Int(position % up)
        var offset = Int(position / up - Int64(half) + 1 - bufferStart)
        let lastOffset = Int(available - bufferStart) - stride
        let (step, phaseStep, phases, taps) = (Int(down / up), Int(down % up), Int(up), stride)
        var produced = 0
        buffer.withUnsafeBufferPointer { samples in
            coefficients.withUnsafeBufferPointer { table in
                output.withUnsafeMutableBufferPointer { destination in
                    while produced < count && offset <= lastOffset {
                        destination[written + produced] = dot(
                            samples.baseAddress! + offset,
                            table.baseAddress! + phase * taps, count: taps)
                        produced += 1
                        offset += step
                        phase += phaseStep
                        if phase >= phases { (phase, offset) = (phase - phases, offset + 1) }
                    }
                }
            }
        }
        nextOutput += Int64(produced)
        output.removeLast(count - produced)
        dropConsumedInput()
    }

    private func dropConsumedInput() {
        // Drop input no future output can reach, in large steps to keep the cost amortised.
        let needed = (nextOutput * down) / up - Int64(half) + 1
        let droppable = Int(needed - bufferStart)
        if droppable > 8_192 {
            buffer.removeFirst(droppable)
            bufferStart += Int64(droppable)
        }
    }
}

/// Dot product of two float arrays whose length is a multiple of 8.
///
/// Four accumulators, so consecutive multiply-adds do not wait on each other's latency (one accumulator
/// made the resampler the front end's most expensive step).
@inline(__always)
private func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
    @inline(__always) func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    var (sum0, sum1, sum2, sum3) = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
    var index = 0
    while index + 32 <= count {
        sum0.addProduct(load(a + index), load(b + index))
        sum1.addProduct(load(a + index + 8), load(b + index + 8))
        sum2.addProduct(load(a + index + 16), load(b + index + 16))
        sum3.addProduct(load(a + index + 24), load(b + index + 24))
        index += 32
    }
    while index < count {
        sum0.addProduct(load(a + index), load(b + index))
        index += 8
    }
    return ((sum0 + sum1) + (sum2 + sum3)).sum()
}

private func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
}
