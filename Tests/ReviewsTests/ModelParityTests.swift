import Foundation
import Testing

@testable import Reviews

/// The Swift model against PyTorch on the shipped weights (fixture made by
/// `Training/liveinsight_train/sentiment/make_parity_fixture.py`; see Fixtures/README.md).
struct ModelParityTests {
    // The fixture's own (snake_case) key names, as the Python recipe writes them.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    struct Case: Decodable {
        let text: String, normalized: String, probability: Double, expected_rating: Double
        let feature_ids: [Int32]?
    }
    // swift-format-ignore: AlwaysUseLowerCamelCase
    struct Fixture: Decodable { let model_sha256: String, buckets: Int, cases: [Case] }

    static let fixture: Fixture? = try? JSONDecoder().decode(
        Fixture.self, from: Data(contentsOf: Support.fixture("sentiment-parity.json")))

    /// The fixture belongs to the shipped model (same weights checksum).
    @Test func fixtureMatchesShippedModel() throws {
        let (fixture, model) = (try #require(Self.fixture), try Support.model())
        #expect(fixture.model_sha256 == model.dataSHA256)
        #expect(fixture.buckets == model.featurizer.buckets)
        #expect(fixture.cases.count >= 300)
    }

    /// Normalisation is identical to the Python recipe's on every text.
    @Test func normalisationMatches() throws {
        for item in try #require(Self.fixture).cases {
            #expect(ReviewText.normalize(item.text) == item.normalized, "\(item.text.prefix(30))")
        }
    }

    /// Feature ids (as multisets) equal the reference implementation's.
    @Test func featuresMatch() throws {
        let cases = try #require(Self.fixture).cases.filter { $0.feature_ids != nil }
        let featurizer = try Support.model().featurizer
        #expect(cases.count == 60)
        for item in cases {
            #expect(featurizer.features(of: item.text).sorted() == item.feature_ids, "\(item.text.prefix(30))")
        }
    }

    /// Probability within 1e-4 and expected rating within 1e-3 of PyTorch (float32 sums in another order).
    @Test func outputsMatch() throws {
        var worst = (probability: 0.0, rating: 0.0)
        let model = try Support.model()
        for item in try #require(Self.fixture).cases {
            let score = model.score(item.text)
            worst.probability = max(worst.probability, abs(score.probability - item.probability))
            worst.rating = max(worst.rating, abs(score.expectedRating - item.expected_rating))
        }
        #expect(worst.probability < 1e-4, "max |Δp| = \(worst.probability)")
        #expect(worst.rating < 1e-3, "max |Δrating| = \(worst.rating)")
    }
}
