/// The building blocks of the Conformer, each holding its weights in the form its kernel wants.
/// Shapes and names follow `Training/MODEL_FORMAT.md`; `WeightReader` checks them on load.

/// y = x · Wᵀ + b, with W packed once.
struct LinearLayer: Sendable {
    let weight: PackedMatrix
    let bias: [Float]
    var inputs: Int { weight.k }
    var outputs: Int { weight.n }

    /// From PyTorch's `(outputs, inputs[, 1])` weight; `columnOrder` optionally permutes the inputs
    /// (new column j reads old column columnOrder[j]).
    init(weight: [Float], bias: [Float], outputs: Int, inputs: Int, columnOrder: [Int]? = nil) {
        var values = weight
        if let columnOrder {
            for o in 0..<outputs {
                for j in 0..<inputs { values[o * inputs + j] = weight[o * inputs + columnOrder[j]] }
            }
        }
        self.weight = values.withUnsafeBufferPointer {
            PackedMatrix(outputsByInputs: $0, outputs: outputs, inputs: inputs)
        }
        self.bias = bias
    }

    func apply(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, threads: Int) {
        bias.withUnsafeBufferPointer { bias in
            MatrixMultiply.multiply(
                x, rows: rows, lda: inputs, weight, bias: bias.baseAddress!, into: y, ldc: outputs,
                threads: threads)
        }
    }
}

/// LayerNorm parameters.
struct LayerNormLayer: Sendable {
    let gamma: [Float]
    let beta: [Float]
    let epsilon: Float

    func apply(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>) {
        gamma.withUnsafeBufferPointer { gamma in
            beta.withUnsafeBufferPointer { beta in
                Elementwise.layerNorm(
                    x, rows: rows, width: gamma.count, gamma: gamma.baseAddress!, beta: beta.baseAddress!,
                    epsilon: epsilon, into: y)
            }
        }
    }
}

/// LayerNorm → Linear(d → m·d) → SiLU → Linear(m·d → d).
struct FeedForwardModule: Sendable {
    let norm: LayerNormLayer
    let expand: LinearLayer
    let project: LinearLayer
}

/// Multi-head self-attention with rotary positions on queries and keys.
struct SelfAttentionModule: Sendable {
    let norm: LayerNormLayer
    let query: LinearLayer
    let key: LinearLayer
    let value: LinearLayer
    let output: LinearLayer
}

/// LayerNorm → pointwise (d → 2d) → GLU → depthwise (BatchNorm folded) → SiLU → pointwise (d → d).
struct ConvolutionModule: Sendable {
    let norm: LayerNormLayer
    let expand: LinearLayer
    let depthwise: DepthwiseConvolution
    let project: LinearLayer
}

/// ½·FFN, attention, convolution, ½·FFN, each residual, then LayerNorm.
struct ConformerBlock: Sendable {
    let feedForward1: FeedForwardModule
    let attention: SelfAttentionModule
    let convolution: ConvolutionModule
    let feedForward2: FeedForwardModule
    let norm: LayerNormLayer
}

/// Two 3×3 stride-2 convolutions (ReLU after each), channels-last, then a Linear to d.
struct SubsamplingModule: Sendable {
    /// `(C, 9)`: taps ordered (time, frequency).
    let convolution1: LinearLayer
    /// `(C, 9·C)`: taps ordered (time, frequency, input channel).
    let convolution2: LinearLayer
    /// `(d, 19·C)`: inputs ordered (frequency, channel).
    let projection: LinearLayer
}
