import SeededRandom
import Testing

@testable import Validation

/// The bit-parallel aligner: distances, valid alignments, rapidfuzz's tie-breaking, bounded memory.
struct LevenshteinAlignerTests {
    /// A textbook dynamic-programming distance, the oracle for the bit-parallel one.
    static func textbookDistance(_ a: [Int], _ b: [Int]) -> Int {
        var previous = Array(0...b.count)
        for (i, token) in a.enumerated() {
            var current = [i + 1]
            for (j, other) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (token == other ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Checks that `steps` walk both sequences in order and that correct steps really match.
    static func isValid(_ steps: [EditStep], _ a: [Int], _ b: [Int]) -> Bool {
        var i = 0
        var j = 0
        for step in steps {
            switch step.operation {
            case .correct, .substitution:
                guard step.referenceIndex == i, step.hypothesisIndex == j,
                    (a[i] == b[j]) == (step.operation == .correct)
                else { return false }
                i += 1
                j += 1
            case .deletion:
                guard step.referenceIndex == i, step.hypothesisIndex == nil else { return false }
                i += 1
            case .insertion:
                guard step.referenceIndex == nil, step.hypothesisIndex == j else { return false }
                j += 1
            }
        }
        return i == a.count && j == b.count
    }

    /// Random sequences across the 64-token word boundaries: minimal and valid alignments.
    @Test func randomSequencesAreMinimalAndValid() {
        var generator = SplitMix64(state: 7)
        let aligner = LevenshteinAligner()
        for _ in 0..<400 {
            let alphabet = [2, 3, 8, 40].randomElement(using: &generator)!
            let a = (0..<[0, 1, 5, 63, 64, 65, 130].randomElement(using: &generator)!).map { _ in
                Int.random(in: 0..<alphabet, using: &generator)
            }
            let b = (0..<[0, 2, 30, 64, 70, 200].randomElement(using: &generator)!).map { _ in
                Int.random(in: 0..<alphabet, using: &generator)
            }
            let steps = aligner.align(a, b)
            #expect(Self.isValid(steps, a, b))
            #expect(ErrorCounts(steps).errors == Self.textbookDistance(a, b))
        }
    }

    /// Hand-checked splits that equal rapidfuzz's `Levenshtein.editops` (and so jiwer's counts).
    @Test func tieBreakingMatchesRapidfuzz() {
        let aligner = LevenshteinAligner()
        #expect(
            aligner.align(Array("ab"), Array("ba")) == [
                EditStep(.insertion, reference: nil, hypothesis: 0), EditStep(.correct, reference: 0, hypothesis: 1),
                EditStep(.deletion, reference: 1, hypothesis: nil),
            ])
        #expect(
            aligner.align(Array("abcd"), Array("dcba")).map(\.operation) == [
                .insertion, .substitution, .correct,
                .substitution, .deletion,
            ])
        #expect(
            aligner.align(Array("aaaa"), Array("aa")) == [
                EditStep(.correct, reference: 0, hypothesis: 0), EditStep(.correct, reference: 1, hypothesis: 1),
                EditStep(.deletion, reference: 2, hypothesis: nil), EditStep(.deletion, reference: 3, hypothesis: nil),
            ])
        #expect(
            aligner.align(Array("qabxcd"), Array("abycdf")).filter { $0.operation != .correct } == [
                EditStep(.deletion, reference: 0, hypothesis: nil),
                EditStep(.substitution, reference: 3, hypothesis: 2),
                EditStep(.insertion, reference: nil, hypothesis: 5),
            ])
    }

    /// With a tiny memory budget the checkpointed backtrace gives exactly the same steps.
    @Test func checkpointedBacktraceIsIdentical() {
        var generator = SplitMix64(state: 11)
        let a = (0..<900).map { _ in Int.random(in: 0..<6, using: &generator) }
        var b = a
        for _ in 0..<150 {
            let index = Int.random(in: 0..<b.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: b[index] = Int.random(in: 0..<6, using: &generator)
            case 1: b.remove(at: index)
            default: b.insert(Int.random(in: 0..<6, using: &generator), at: index)
            }
        }
        let full = LevenshteinAligner().align(a, b)
        let checkpointed = LevenshteinAligner(memoryBudget: 1024).align(a, b)
        #expect(full == checkpointed)
        #expect(Self.isValid(full, a, b))
    }

    /// Empty sides give only insertions or only deletions.
    @Test func emptySides() {
        let aligner = LevenshteinAligner()
        #expect(aligner.align([Int](), [1, 2]).map(\.operation) == [.insertion, .insertion])
        #expect(aligner.align([1, 2], [Int]()).map(\.operation) == [.deletion, .deletion])
        #expect(aligner.align([Int](), [Int]()).isEmpty)
    }
}
