/// The architecture of a Conformer-CTC model, read from the model file's `config` metadata, so a
/// larger model of the same family works without code changes. Field names follow the training
/// recipe (`Training/liveinsight_train/model.py: ModelConfig`).
public struct ModelConfiguration: Codable, Sendable, Equatable {
    /// Log-mel bins per input frame.
    public var melBins: Int
    /// Width of the encoder.
    public var modelDimension: Int
    /// Conformer blocks.
    public var layers: Int
    /// Attention heads (modelDimension must divide evenly).
    public var heads: Int
    /// Feed-forward width as a multiple of modelDimension.
    public var feedForwardMultiplier: Int
    /// Depthwise convolution kernel (odd).
    public var convolutionKernel: Int
    /// Channels of the two subsampling convolutions.
    public var subsamplingChannels: Int
    /// Frames per output frame; this engine implements 4 (two 3×3 stride-2 convolutions).
    public var subsamplingFactor: Int
    /// Rotary position embedding base.
    public var ropeBase: Double
    /// LayerNorm epsilon.
    public var layerNormEpsilon: Float
    /// BatchNorm epsilon.
    public var batchNormEpsilon: Float
    /// Output units; index 0 is the CTC blank.
    public var vocabulary: [String]
    /// Seconds the model emits a unit after its sound starts, measured after training
    /// (`Training/liveinsight_train/timing_eval.py calibrate`); nil in files that do not record it.
    public var emissionDelay: Double?
    /// The keyword-spotting threshold (mean log score per unit) calibrated for this model on real dev speech
    /// (`Training/liveinsight_train/calibrate_mentions.py`); nil in files that do not record one.
    public var spottingThreshold: Float?
    /// The language model's weight in beam search, tuned for this
    /// model (`Training/liveinsight_train/ngram_lm.py tune`).
    public var languageModelWeight: Float?
    /// The log-score added per unit when fusing a language model, tuned with `languageModelWeight`.
    public var languageModelUnitBonus: Float?
    /// The log-score bonus per unit for keyword hotwords in beam search, calibrated on real dev speech with the
    /// mentions (`Training/liveinsight_train/calibrate_mentions.py`); nil in files that do not record one.
    public var hotwordBoost: Float?
    /// Per mention source (`transcript`, `acoustic`, `both`), the intercept and slope that map a raw mention
    /// confidence to the chance it is right, fitted on real dev speech
    /// (`Training/liveinsight_train/calibrate_mentions.py`); nil in files that do not record them.
    public var mentionCalibration: [String: [Double]]?
    /// The least calibrated confidence a reported mention has (same script); nil: every mention is reported.
    public var mentionFloor: Double?
    /// The other model files whose log-probabilities this model's are averaged with (an ensemble,
    /// `Training/MODEL_FORMAT.md` section 5); nil for a single model. The calibration above is the ensemble's.
    public var ensemble: [EnsembleMember]?

    enum CodingKeys: String, CodingKey {
        case melBins = "n_mels", modelDimension = "d_model", layers = "n_layers", heads = "n_heads"
        case feedForwardMultiplier = "ff_mult", convolutionKernel = "conv_kernel"
        case subsamplingChannels = "subsampling_channels", subsamplingFactor = "subsampling_factor"
        case ropeBase = "rope_base", layerNormEpsilon = "layer_norm_eps", batchNormEpsilon = "batch_norm_eps"
        case vocabulary = "vocab", emissionDelay = "emission_delay", spottingThreshold = "spotting_threshold"
        case languageModelWeight = "lm_weight", languageModelUnitBonus = "lm_unit_bonus"
        case hotwordBoost = "hotword_boost"
        case mentionCalibration = "mention_calibration", mentionFloor = "mention_floor"
        case ensemble
    }

    /// Frequency bins after subsampling: 80 → 39 → 19.
    var subsampledBins: Int { ((melBins - 1) / 2 - 1) / 2 }
    /// Width of one attention head.
    var headDimension: Int { modelDimension / heads }

    /// Output frames for `frames` input frames: ((T − 1) / 2 − 1) / 2, or 0 when too short.
    public func outputFrames(forInputFrames frames: Int) -> Int {
        frames < 7 ? 0 : ((frames - 1) / 2 - 1) / 2
    }

    /// Problems that make the configuration unusable, or nil.
    func problem() -> String? {
        if subsamplingFactor != 4 { return "subsampling_factor \(subsamplingFactor); this engine implements 4" }
        if heads <= 0 || modelDimension % heads != 0 {
            return "d_model \(modelDimension) is not divisible by n_heads \(heads)"
        }
        if headDimension % 2 != 0 { return "head dimension \(headDimension) must be even for rotary positions" }
        if convolutionKernel % 2 == 0 { return "conv_kernel \(convolutionKernel) must be odd" }
        if vocabulary.count < 2 { return "the vocabulary has \(vocabulary.count) entries" }
        if melBins < 7 || layers < 0 || feedForwardMultiplier <= 0 || subsamplingChannels <= 0 {
            return "non-positive dimensions"
        }
        return nil
    }
}

/// One further model of an ensemble: a file beside the one that names it, with the weights it was calibrated with.
public struct EnsembleMember: Codable, Sendable, Equatable {
    /// File name, relative to the folder of the model file that lists it.
    public var file: String
    /// The member's recorded `data_sha256`: another file under that name is refused.
    public var weightsDigest: String

    enum CodingKeys: String, CodingKey {
        case file
        case weightsDigest = "data_sha256"
    }
}
