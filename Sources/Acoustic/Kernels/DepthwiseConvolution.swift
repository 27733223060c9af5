/// A depthwise 1-D convolution over time on a `frames × channels` matrix, with 'same' zero padding.
///
/// PyTorch's `Conv1d(groups=channels)` weight `(channels, 1, kernel)` is stored transposed as
/// `(kernel, channels)` so each tap is one vector multiply-add across channels. A BatchNorm that
/// follows it can be folded in at load time (`foldingBatchNorm`).
public struct DepthwiseConvolution: Sendable {
    public let channels: Int
    public let kernel: Int
    private let taps: [Float]  // kernel × channels
    private let bias: [Float]  // channels

    /// From PyTorch's weight `(channels, 1, kernel)` and bias `(channels)`.
    public init(weight: [Float], bias: [Float], channels: Int, kernel: Int) {
        precondition(weight.count == channels * kernel && bias.count == channels)
        self.channels = channels
        self.kernel = kernel
        var taps = [Float](repeating: 0, count: kernel * channels)
        for c in 0..<channels { for k in 0..<kernel { taps[k * channels + c] = weight[c * kernel + k] } }
        self.taps = taps
        self.bias = bias
    }

    private init(channels: Int, kernel: Int, taps: [Float], bias: [Float]) {
        (self.channels, self.kernel, self.taps, self.bias) = (channels, kernel, taps, bias)
    }

    /// This convolution followed by an inference-mode BatchNorm, as one convolution:
    /// y = (conv(x) − mean) / √(var + ε) · γ + β.
    public func foldingBatchNorm(
        gamma: [Float], beta: [Float], mean: [Float], variance: [Float], epsilon: Float
    )
        -> DepthwiseConvolution
    {
        let scale = (0..<channels).map { gamma[$0] / (variance[$0] + epsilon).squareRoot() }
        let taps = self.taps.enumerated().map { $0.element * scale[$0.offset % channels] }
        let bias = (0..<channels).map { (self.bias[$0] - mean[$0]) * scale[$0] + beta[$0] }
        return DepthwiseConvolution(channels: channels, kernel: kernel, taps: taps, bias: bias)
    }

    /// y[t] = bias + Σₖ taps[k] ⊙ x[t + k − kernel/2], with x = 0 outside [0, frames).
    public func apply(_ x: UnsafePointer<Float>, frames: Int, into y: UnsafeMutablePointer<Float>) {
        let half = kernel / 2
        taps.withUnsafeBufferPointer { taps in
            bias.withUnsafeBufferPointer { bias in
                for t in 0..<frames {
                    let out = y + t * channels
                    for c in 0..<channels { out[c] = bias[c] }
                    for k in max(0, half - t)..<min(kernel, frames - t + half) {
                        let source = x + (t + k - half) * channels, tap = taps.baseAddress! + k * channels
                        for c in 0..<channels { out[c] += tap[c] * source[c] }
                    }
                }
            }
        }
    }
}
