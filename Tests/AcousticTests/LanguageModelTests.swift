import Foundation
import Testing

@testable import Acoustic

/// The n-gram language model and its fusion into beam search, on the committed tiny language model
/// (`Training/fixtures/tiny-model.lm.safetensors`, the tiny acoustic model's units; README there).
struct LanguageModelTests {
    static let tinyLanguageModel = ModelParityTests.fixtures.appendingPathComponent("tiny-model.lm.safetensors").path

    /// Every state's distribution over the units sums to one: the backoff weights are consistent with
    /// the stored probabilities, orders 1 to 3 included.
    @Test func probabilitiesSumToOne() throws {
        let model = try NgramLanguageModel(path: Self.tinyLanguageModel)
        #expect(model.order == 3)
        var state = model.start
        for _ in 0..<6 {
            let scores = (0..<model.vocabulary.count).map { model.score(state, $0) }
            let total = scores.map { exp(Double($0.logProbability)) }.reduce(0, +)
            #expect(abs(total - 1) < 1e-3, "state \(state): Σ P = \(total)")
            // Walk on along the likeliest unit that is not the boundary.
            let next = (3..<model.vocabulary.count).max { scores[$0].logProbability < scores[$1].logProbability }!
            state = scores[next].next
        }
    }

    /// Where the acoustic model is torn between two units, fusion picks the one the language model expects.
    @Test func fusionTipsAnAmbiguousFrame() throws {
        let model = try NgramLanguageModel(path: Self.tinyLanguageModel)
        let first = (3..<model.vocabulary.count).map { ($0, model.score(model.start, $0).logProbability) }
        let likely = try #require(first.max { $0.1 < $1.1 }).0, unlikely = try #require(first.min { $0.1 < $1.1 }).0
        let posteriors = DecoderTests.posteriors(
            [[unlikely: 0.5, likely: 0.45], [0: 0.95]], vocabularySize: model.vocabulary.count)
        #expect(PrefixBeamSearch().decode(posteriors) == [unlikely])
        let fusion = LanguageModelFusion(model: model, weight: 0.5, unitBonus: 0)
        #expect(PrefixBeamSearch(languageModel: fusion).decode(posteriors) == [likely])
    }

    /// Fusion takes the weights an acoustic model's configuration records, else the defaults.
    @Test func fusionTakesTheAcousticModelsWeights() throws {
        let model = try NgramLanguageModel(path: Self.tinyLanguageModel)
        var configuration = try AcousticModel(
            path: ModelParityTests.fixtures.appendingPathComponent("tiny-model.safetensors").path
        ).configuration
        let untuned = try LanguageModelFusion(model: model, tunedFor: configuration)
        #expect(
            untuned.weight == LanguageModelFusion.defaultWeight
                && untuned.unitBonus == LanguageModelFusion.defaultUnitBonus)
        (configuration.languageModelWeight, configuration.languageModelUnitBonus) = (0.3, 2)
        let tuned = try LanguageModelFusion(model: model, tunedFor: configuration)
        #expect(tuned.weight == 0.3 && tuned.unitBonus == 2)
        #expect(model.digest.count == 64)
    }

    /// An acoustic model file is not a language model; a language model of other units says so.
    @Test func wrongFilesAreExplained() throws {
        let acoustic = ModelParityTests.fixtures.appendingPathComponent("tiny-model.safetensors").path
        #expect {
            try NgramLanguageModel(path: acoustic)
        } throws: { error in
            (error as? AcousticModelError)?.description.contains("expected 'liveinsight-ngram'") == true
        }
        let model = try NgramLanguageModel(path: Self.tinyLanguageModel)
        var configuration = try AcousticModel(path: acoustic).configuration
        _ = try LanguageModelFusion(model: model, tunedFor: configuration)
        configuration.vocabulary = ["<blank>", "<unk>", "▁", "ᄀ"]
        #expect {
            try LanguageModelFusion(model: model, tunedFor: configuration)
        } throws: { error in
            (error as? AcousticModelError)?.description.contains("built for 47 other units than the acoustic model's 4")
                == true
        }
    }
}

/// The shipped language model against `Training/liveinsight_train/ngram_lm.py` on its committed fixture.
struct LanguageModelParityTests {
    static let shipped = ModelParityTests.shippedModel.replacingOccurrences(of: ".safetensors", with: ".lm.safetensors")

    // The fixture's own (snake_case) key names, as the Python recipe writes them.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    struct Fixture: Decodable {
        struct Sentence: Decodable { let text: String; let units: [Int]; let log_prob: Float }
        struct Decode: Decodable { let reference: String; let plain: [Int]; let fused: [Int] }
        let language_model_sha256: String
        let lm_weight: Float
        let lm_unit_bonus: Float
        let beam_width: Int
        let sentences: [Sentence]
        let decodes: [Decode]
    }

    /// Sentence log-probabilities within 1e-3 of Python's, and beam search with and without fusion on
    /// PyTorch's log-probabilities of four held-out utterances gives exactly Python's unit sequences, both at
    /// the default beam width.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: shipped), "no language model in Models/"))
    func shippedLanguageModelMatchesPython() throws {
        let fixture = try JSONDecoder().decode(
            Fixture.self, from: Data(contentsOf: ModelParityTests.fixtures.appendingPathComponent("lm-fixture.json")))
        let configuration = try AcousticModel(path: ModelParityTests.shippedModel).configuration
        let fusion = try LanguageModelFusion(model: try NgramLanguageModel(path: Self.shipped), tunedFor: configuration)
        try #require(
            fusion.model.digest == fixture.language_model_sha256,
            "Training/fixtures/lm-fixture.* were made from another language model: regenerate them (README there)")
        try #require(
            fusion.weight == fixture.lm_weight && fusion.unitBonus == fixture.lm_unit_bonus,
            "Training/fixtures/lm-fixture.* were made with other fusion weights: regenerate them (README there)")
        try #require(
            fixture.beam_width == PrefixBeamSearch.defaultBeamWidth,
            """
            Training/fixtures/lm-fixture.* were made at beam width \(fixture.beam_width), the engine's default is \
            \(PrefixBeamSearch.defaultBeamWidth): make ngram_lm.BEAM_WIDTH the same and regenerate them
            """)
        for sentence in fixture.sentences {
            let swift = fusion.model.sentenceLogProbability(sentence.units)
            #expect(abs(swift - sentence.log_prob) < 1e-3, "\(sentence.text): \(swift) vs \(sentence.log_prob)")
        }
        let utterances = try ModelParityTests.fixture("lm-fixture.safetensors")
        for (index, expected) in fixture.decodes.enumerated() {
            let tensor = try #require(utterances.tensors["utterance\(index)"])
            let posteriors = Posteriors(frames: tensor.shape[0], vocabularySize: tensor.shape[1], values: tensor.values)
            #expect(
                PrefixBeamSearch().decode(posteriors) == expected.plain, "utterance \(index) without the language model"
            )
            #expect(
                PrefixBeamSearch(languageModel: fusion).decode(posteriors) == expected.fused,
                "utterance \(index), fused")
        }
    }
}
