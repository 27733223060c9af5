import Foundation

/// Builds the model's layers from a parsed file, checking every tensor's presence and shape.
struct WeightReader {
    let file: SafeTensorsFile
    let configuration: ModelConfiguration

    init(file: SafeTensorsFile) throws(AcousticModelError) {
        self.file = file
        configuration = try Self.configuration(metadata: file.metadata, path: file.path)
    }

    /// The checked configuration in a model file's `metadata`.
    static func configuration(
        metadata: [String: String], path: String
    )
        throws(AcousticModelError) -> ModelConfiguration
    {
        guard metadata["format"] == "liveinsight-ctc" else {
            throw .unsupportedFormat(
                path: path,
                detail:
                    "metadata format is '\(metadata["format"] ?? "absent")', expected 'liveinsight-ctc'")
        }
        guard metadata["format_version"] == "1" else {
            throw .unsupportedFormat(
                path: path,
                detail:
                    "format_version '\(metadata["format_version"] ?? "absent")'; this engine reads 1")
        }
        guard let text = metadata["config"] else {
            throw .badConfiguration(path: path, detail: "no config in the metadata")
        }
        let configuration: ModelConfiguration
        do {
            configuration = try JSONDecoder().decode(ModelConfiguration.self, from: Data(text.utf8))
        } catch {
            throw .badConfiguration(path: path, detail: "config is not readable: \(error)")
        }
        if let problem = configuration.problem() { throw .badConfiguration(path: path, detail: problem) }
        return configuration
    }

    /// The tensor `name`, which must have exactly `shape`.
    func tensor(_ name: String, _ shape: [Int]) throws(AcousticModelError) -> [Float] {
        guard let tensor = file.tensors[name] else { throw .missingTensor(path: file.path, name: name) }
        guard tensor.shape == shape else {
            throw .wrongShape(path: file.path, name: name, expected: shape, actual: tensor.shape)
        }
        return tensor.values
    }

    func linear(
        _ prefix: String, outputs: Int, inputs: Int, kernelAxis: Bool = false, columnOrder: [Int]? = nil
    )
        throws(AcousticModelError) -> LinearLayer
    {
        LinearLayer(
            weight: try tensor("\(prefix).weight", kernelAxis ? [outputs, inputs, 1] : [outputs, inputs]),
            bias: try tensor("\(prefix).bias", [outputs]), outputs: outputs, inputs: inputs, columnOrder: columnOrder)
    }

    func layerNorm(_ prefix: String) throws(AcousticModelError) -> LayerNormLayer {
        let d = configuration.modelDimension
        return LayerNormLayer(
            gamma: try tensor("\(prefix).weight", [d]), beta: try tensor("\(prefix).bias", [d]),
            epsilon: configuration.layerNormEpsilon)
    }

    func featureNormalisation() throws(AcousticModelError) -> (mean: [Float], inverseStd: [Float]) {
        let mean = try tensor("feat_mean", [configuration.melBins])
        let std = try tensor("feat_std", [configuration.melBins])
        return (mean, std.map { 1 / $0 })
    }

    func subsampling() throws(AcousticModelError) -> SubsamplingModule {
        let c = configuration.subsamplingChannels, bins = configuration.subsampledBins
        // conv2 (C_out, C_in, 3, 3) → taps ordered (time, frequency, input channel).
        let conv2 = try tensor("subsampling.conv2.weight", [c, c, 3, 3])
        var reordered = [Float](repeating: 0, count: conv2.count)
        for o in 0..<c {
            for i in 0..<c { for tap in 0..<9 { reordered[(o * 9 + tap) * c + i] = conv2[(o * c + i) * 9 + tap] } }
        }
        // The projection reads (frequency, channel); PyTorch flattens (channel, frequency).
        let order = (0..<(bins * c)).map { j in (j % c) * bins + j / c }
        return SubsamplingModule(
            convolution1: LinearLayer(
                weight: try tensor("subsampling.conv1.weight", [c, 1, 3, 3]),
                bias: try tensor("subsampling.conv1.bias", [c]), outputs: c, inputs: 9),
            convolution2: LinearLayer(
                weight: reordered, bias: try tensor("subsampling.conv2.bias", [c]), outputs: c, inputs: 9 * c),
            projection: try linear(
                "subsampling.linear", outputs: configuration.modelDimension, inputs: bins * c, columnOrder: order))
    }

    func block(_ index: Int) throws(AcousticModelError) -> ConformerBlock {
        let p = "blocks.\(index)", d = configuration.modelDimension
        let k = configuration.convolutionKernel, ff = configuration.feedForwardMultiplier * d
        func feedForward(_ name: String) throws(AcousticModelError) -> FeedForwardModule {
            FeedForwardModule(
                norm: try layerNorm("\(p).\(name).norm"),
                expand: try linear("\(p).\(name).linear1", outputs: ff, inputs: d),
                project: try linear("\(p).\(name).linear2", outputs: d, inputs: ff))
        }
        let depthwise = DepthwiseConvolution(
            weight: try tensor("\(p).conv.depthwise.weight", [d, 1, k]),
            bias: try tensor("\(p).conv.depthwise.bias", [d]), channels: d, kernel: k
        )
        .foldingBatchNorm(
            gamma: try tensor("\(p).conv.batch_norm.weight", [d]),
            beta: try tensor("\(p).conv.batch_norm.bias", [d]),
            mean: try tensor("\(p).conv.batch_norm.running_mean", [d]),
            variance: try tensor("\(p).conv.batch_norm.running_var", [d]),
            epsilon: configuration.batchNormEpsilon)
        return ConformerBlock(
            feedForward1: try feedForward("ff1"),
            attention: SelfAttentionModule(
                norm: try layerNorm("\(p).attn.norm"),
                query: try linear("\(p).attn.q", outputs: d, inputs: d),
                key: try linear("\(p).attn.k", outputs: d, inputs: d),
                value: try linear("\(p).attn.v", outputs: d, inputs: d),
                output: try linear("\(p).attn.out", outputs: d, inputs: d)),
            convolution: ConvolutionModule(
                norm: try layerNorm("\(p).conv.norm"),
                expand: try linear("\(p).conv.pointwise1", outputs: 2 * d, inputs: d, kernelAxis: true),
                depthwise: depthwise,
                project: try linear("\(p).conv.pointwise2", outputs: d, inputs: d, kernelAxis: true)),
            feedForward2: try feedForward("ff2"),
            norm: try layerNorm("\(p).norm"))
    }
}
