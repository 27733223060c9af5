/// Shallow fusion: a beam-search hypothesis scores log P_ctc + `weight` · log P_lm + `unitBonus` per unit.
///
/// The bonus offsets the language model's cost per unit, which would otherwise favour dropping units. How
/// much the language model should weigh depends on the acoustic model's scores as much as on it, so both
/// values are tuned for the pair on dev sentences (`Training/liveinsight_train/ngram_lm.py tune`) and recorded in the
/// acoustic model's configuration.
public struct LanguageModelFusion: Sendable {
    /// The weight for an acoustic model that records none.
    public static let defaultWeight: Float = 0.5
    /// The unit bonus for an acoustic model that records none.
    public static let defaultUnitBonus: Float = 1.0

    public let model: NgramLanguageModel
    /// The language model's weight (alpha).
    public var weight: Float
    /// Log-score added per emitted unit (beta).
    public var unitBonus: Float

    public init(model: NgramLanguageModel, weight: Float, unitBonus: Float) {
        (self.model, self.weight, self.unitBonus) = (model, weight, unitBonus)
    }

    /// Fusion of `model` with the weights an acoustic model's configuration records (else the defaults);
    /// throws `.badConfiguration` when the language model was built for other units than that model's.
    public init(model: NgramLanguageModel, tunedFor configuration: ModelConfiguration) throws(AcousticModelError) {
        guard model.vocabulary == configuration.vocabulary else {
            throw .badConfiguration(
                path: model.path,
                detail: "the language model was built for \(model.vocabulary.count) other units "
                    + "than the acoustic model's \(configuration.vocabulary.count)")
        }
        self.init(
            model: model, weight: configuration.languageModelWeight ?? Self.defaultWeight,
            unitBonus: configuration.languageModelUnitBonus ?? Self.defaultUnitBonus)
    }
}
