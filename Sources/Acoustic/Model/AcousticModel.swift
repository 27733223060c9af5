import ContentHash
import Foundation

/// CTC log-probabilities for one utterance: `frames × vocabularySize`, row-major.
public struct Posteriors: Sendable, Equatable {
    /// Output frames (after 4× subsampling).
    public let frames: Int
    /// Units per frame (index 0 is the CTC blank).
    public let vocabularySize: Int
    /// Natural-log probabilities, each row summing (in probability) to 1.
    public var values: [Float]

    public init(frames: Int, vocabularySize: Int, values: [Float]) {
        precondition(values.count == frames * vocabularySize)
        (self.frames, self.vocabularySize, self.values) = (frames, vocabularySize, values)
    }

    /// The log-probability of `unit` at `frame`.
    public subscript(frame: Int, unit: Int) -> Float { values[frame * vocabularySize + unit] }
}

/// A Conformer-CTC acoustic model loaded from a LiveInsight model file (safetensors, see
/// `Training/MODEL_FORMAT.md`), run in pure Swift.
///
/// The architecture comes from the file's configuration, so any model of the family loads without
/// code changes. `logProbabilities(features:frames:)` maps raw log-mel frames (`Features`) to CTC
/// log-probabilities; it is safe to call from several threads at once.
public final class AcousticModel: Sendable {
    /// The architecture and vocabulary.
    public let configuration: ModelConfiguration
    /// The file the model was read from.
    public let path: String
    /// Hex SHA-256 of the weights, as recorded in the file.
    public let weightsDigest: String
    /// Identifies the model in stage cache keys and checkpoints: the weights digest and the configuration
    /// together, so a recalibrated configuration (say, its emission delay) counts as another model.
    public let digest: String
    /// Worker threads for matrix multiplies.
    public let threads: Int
    /// The further models of an ensemble (`ModelConfiguration.ensemble`), loaded from beside `path`; empty for a
    /// single model.
    public let ensembleMembers: [AcousticModel]

    let featureMean: [Float]
    let featureInverseStd: [Float]
    let subsampling: SubsamplingModule
    let blocks: [ConformerBlock]
    let output: LinearLayer

    /// Loads and checks `path`. Throws `AcousticModelError` naming the file and the problem.
    public init(path: String, threads: Int = 1) throws(AcousticModelError) {
        let file = try SafeTensorsFile(path: path)
        let reader = try WeightReader(file: file)
        self.path = path
        self.threads = max(1, threads)
        configuration = reader.configuration
        weightsDigest = file.metadata["data_sha256"] ?? ""
        digest = Self.digest(metadata: file.metadata)
        (featureMean, featureInverseStd) = try reader.featureNormalisation()
        subsampling = try reader.subsampling()
        blocks = try (0..<configuration.layers).map { layer throws(AcousticModelError) in try reader.block(layer) }
        output = try reader.linear(
            "output", outputs: configuration.vocabulary.count, inputs: configuration.modelDimension)
        ensembleMembers = try Self.ensembleMembers(of: path, configuration: configuration, threads: threads)
    }

    /// The same model (the weights are shared, not copied) running its matrix multiplies on `threads` threads.
    public func withThreads(_ threads: Int) -> AcousticModel { AcousticModel(self, threads: threads) }

    private init(_ model: AcousticModel, threads: Int) {
        (configuration, path, weightsDigest, digest) =
            (model.configuration, model.path, model.weightsDigest, model.digest)
        (featureMean, featureInverseStd, subsampling, blocks, output) =
            (model.featureMean, model.featureInverseStd, model.subsampling, model.blocks, model.output)
        self.threads = max(1, threads)
        ensembleMembers = model.ensembleMembers.map { $0.withThreads(threads) }
    }

    /// The `digest` of the model at `path`, read from the header alone: cheap enough to compute cache
    /// keys without loading or verifying the weights. Empty when the file records no weights digest.
    public static func recordedDigest(path: String) throws(AcousticModelError) -> String {
        digest(metadata: try SafeTensorsFile.metadata(path: path))
    }

    /// The configuration (architecture, vocabulary, calibration) of the model at `path`, read from the header
    /// alone: what needs only the vocabulary never loads or verifies the weights.
    public static func configuration(path: String) throws(AcousticModelError) -> ModelConfiguration {
        try WeightReader.configuration(metadata: try SafeTensorsFile.metadata(path: path), path: path)
    }

    private static func digest(metadata: [String: String]) -> String {
        guard let weights = metadata["data_sha256"], !weights.isEmpty else { return "" }
        return SHA256.hex(of: Array((weights + "\n" + (metadata["config"] ?? "")).utf8))
    }
}
