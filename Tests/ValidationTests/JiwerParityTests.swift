import Foundation
import Hangul
import Testing

@testable import Validation

/// Parity with jiwer on the committed fixture made by Fixtures/make_jiwer_fixture.py.
struct JiwerParityTests {
    /// Counts as the fixture stores them.
    struct Counts: Decodable, Equatable {
        var hits: Int
        var substitutions: Int
        var deletions: Int
        var insertions: Int

        /// The same counts from a Swift report.
        init(_ counts: ErrorCounts) {
            hits = counts.hits
            substitutions = counts.substitutions
            deletions = counts.deletions
            insertions = counts.insertions
        }
    }

    /// jiwer's scores for one pair or the corpus.
    struct Scores: Decodable {
        var wer: Double
        var cer: Double
        var words: Counts
        var characters: Counts
        var id: String?
        var refNormalized: String?
        var hypNormalized: String?

        enum CodingKeys: String, CodingKey {
            case wer, cer, words, characters, id
            case refNormalized = "ref_normalized"
            case hypNormalized = "hyp_normalized"
        }
    }

    /// One normalisation configuration.
    struct Config: Decodable {
        var numberForm: NumberForm
        var pairs: [Scores]
        var corpus: Scores

        enum CodingKeys: String, CodingKey {
            case numberForm = "number_form"
            case pairs, corpus
        }
    }

    /// A raw pair.
    struct Pair: Decodable {
        var id: String
        var ref: String
        var hyp: String
    }

    /// The fixture file.
    struct Fixture: Decodable {
        var pairs: [Pair]
        var configs: [String: Config]
    }

    /// 0.01 percentage points, as a fraction.
    static let tolerance = 0.0001

    /// Loads the fixture from the test bundle.
    static func fixture() throws -> Fixture {
        let url = try #require(
            Bundle.module.url(
                forResource: "jiwer_parity", withExtension: "json",
                subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The validator configured like the fixture's jiwer transforms.
    static func validator(_ config: Config) -> TranscriptValidator {
        TranscriptValidator(
            options: ValidationOptions(normalization: TextNormalizer.Options(numberForm: config.numberForm)))
    }

    /// The fixture has at least 200 pairs and both configurations.
    @Test func fixtureIsLargeEnough() throws {
        let fixture = try Self.fixture()
        #expect(fixture.pairs.count >= 200)
        #expect(Set(fixture.configs.keys) == ["keep", "spoken"])
    }

    /// Every pair normalises to jiwer's text and scores the same S/D/I/H and WER/CER.
    @Test(arguments: ["keep", "spoken"])
    func perPairParity(configName: String) throws {
        let fixture = try Self.fixture()
        let config = try #require(fixture.configs[configName])
        let validator = Self.validator(config)
        for (pair, expected) in zip(fixture.pairs, config.pairs) {
            let report = validator.score(reference: pair.ref, hypothesis: pair.hyp, id: pair.id)
            #expect(report.reference == expected.refNormalized, "\(pair.id) reference")
            #expect(report.hypothesis == expected.hypNormalized, "\(pair.id) hypothesis")
            #expect(Counts(report.words) == expected.words, "\(pair.id) word counts")
            #expect(Counts(report.characters) == expected.characters, "\(pair.id) character counts")
            #expect(abs(report.wer - expected.wer) <= Self.tolerance, "\(pair.id) WER")
            #expect(abs(report.cer - expected.cer) <= Self.tolerance, "\(pair.id) CER")
        }
    }

    /// Corpus totals equal jiwer's scores of all pairs at once.
    @Test(arguments: ["keep", "spoken"])
    func corpusParity(configName: String) throws {
        let fixture = try Self.fixture()
        let config = try #require(fixture.configs[configName])
        let reference = ItemizedTranscript(
            source: "ref", items: fixture.pairs.map { TranscriptItem(id: $0.id, text: $0.ref) })
        let hypothesis = ItemizedTranscript(
            source: "hyp", items: fixture.pairs.map { TranscriptItem(id: $0.id, text: $0.hyp) })
        let report = Self.validator(config).validate(reference: reference, hypothesis: hypothesis)
        #expect(Counts(report.corpus.words) == config.corpus.words)
        #expect(Counts(report.corpus.characters) == config.corpus.characters)
        #expect(abs(report.corpus.wer - config.corpus.wer) <= Self.tolerance)
        #expect(abs(report.corpus.cer - config.corpus.cer) <= Self.tolerance)
        #expect(report.warnings.isEmpty)
    }
}
