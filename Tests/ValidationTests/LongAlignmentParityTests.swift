import Foundation
import Testing

@testable import Validation

/// Parity with rapidfuzz on long sequences, where it splits with Hirschberg's method (fixture `long_pairs`).
struct LongAlignmentParityTests {
    /// One long pair as the fixture describes it.
    struct LongPair: Decodable {
        var seed: UInt64
        var length: Int
        var alphabet: UInt64
        var ratePerMille: UInt64
        var hypothesisLength: Int
        var substitutions: Int
        var deletions: Int
        var insertions: Int
        var editopsFNV1a64: String

        enum CodingKeys: String, CodingKey {
            case seed, length, alphabet, substitutions, deletions, insertions
            case ratePerMille = "rate_per_mille"
            case hypothesisLength = "hypothesis_length"
            case editopsFNV1a64 = "editops_fnv1a64"
        }
    }

    /// The part of the fixture this test reads.
    struct Fixture: Decodable {
        var longPairs: [LongPair]

        enum CodingKeys: String, CodingKey { case longPairs = "long_pairs" }
    }

    /// The script's 64-bit LCG: state × 6364136223846793005 + 1442695040888963407, yielding state >> 33.
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
    }

    /// The script's `long_pair`: a random reference and a corrupted copy.
    static func sequences(_ pair: LongPair) -> ([UInt64], [UInt64]) {
        var random = LCG(state: pair.seed)
        let reference = (0..<pair.length).map { _ in random.next() % pair.alphabet }
        var hypothesis: [UInt64] = []
        for token in reference {
            let roll = random.next() % 1000
            if roll < pair.ratePerMille / 3 { continue }
            if roll < 2 * pair.ratePerMille / 3 {
                hypothesis += [token, random.next() % pair.alphabet]
            } else if roll < pair.ratePerMille {
                hypothesis.append(random.next() % pair.alphabet)
            } else {
                hypothesis.append(token)
            }
        }
        return (reference, hypothesis)
    }

    /// FNV-1a (64-bit) of the edit list written as the script writes it ("S 3 5\n", −1 for a missing side).
    static func editHash(_ steps: [EditStep]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for step in steps where step.operation != .correct {
            let line = "\(step.operation.rawValue) \(step.referenceIndex ?? -1) \(step.hypothesisIndex ?? -1)\n"
            for byte in line.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The same edit operations, position for position, as rapidfuzz on every long pair.
    @Test func longPairsMatchRapidfuzz() throws {
        let url = try #require(
            Bundle.module.url(forResource: "jiwer_parity", withExtension: "json", subdirectory: "Fixtures"))
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        #expect(fixture.longPairs.count == 3)
        for pair in fixture.longPairs {
            let (reference, hypothesis) = Self.sequences(pair)
            #expect(hypothesis.count == pair.hypothesisLength, "seed \(pair.seed) generator")
            let steps = LevenshteinAligner().align(reference, hypothesis)
            let counts = ErrorCounts(steps)
            let expected = ErrorCounts(
                hits: counts.hits, substitutions: pair.substitutions, deletions: pair.deletions,
                insertions: pair.insertions)
            #expect(counts == expected, "seed \(pair.seed)")
            #expect(Self.editHash(steps) == pair.editopsFNV1a64, "seed \(pair.seed)")
        }
    }
}
