/// Minimum-edit (Levenshtein) alignment of two token sequences, with the same tie-breaking as
/// rapidfuzz's `Levenshtein.editops`/`opcodes`, which jiwer uses, so substitution/deletion/insertion counts
/// match jiwer's exactly, not only their sum.
///
/// How it works:
/// - The common prefix and suffix are matched first (as rapidfuzz does), and only the middle is aligned.
/// - The dynamic-programming matrix is computed bit-parallel (Hyyrö 2003, "A bit-vector algorithm for
///   computing Levenshtein and Damerau edit distances", block version): one column per hypothesis token,
///   stored as two bit vectors (+1/−1 vertical deltas) over the reference, i.e. 2 bits per cell.
/// - The backtrace walks from the end and prefers a deletion, then an insertion, then the diagonal
///   (match or substitution) — rapidfuzz's `recover_alignment` rule.
///
/// Time is O(⌈n/64⌉ · m) for reference length n and hypothesis length m. Memory: when all columns fit in
/// ``memoryBudget`` bytes (2 · ⌈n/64⌉ · 8 bytes per column) they are all kept; otherwise only every k-th
/// column (k ≈ √m) is kept and each block of k columns is recomputed once during the backtrace
/// (at most twice the time), so memory stays O(⌈n/64⌉ · √m) words. A whole broadcast of 100,000 characters
/// against 100,000 characters needs about 2 × 2 MB of columns instead of 2.5 GB.
///
/// rapidfuzz switches to Hirschberg's split only when the full matrix would be very large (roughly when the
/// hypothesis is longer than 66,000 tokens); there the distance, and so S + D + I, is still identical but
/// a tie may be split differently between S, D and I.
public struct LevenshteinAligner: Sendable {
    /// The most bytes of stored columns before switching to checkpoints (default 64 MiB).
    public var memoryBudget: Int

    /// Creates an aligner with the given column-memory budget.
    public init(memoryBudget: Int = 64 << 20) {
        self.memoryBudget = memoryBudget
    }

    /// The alignment steps turning `reference` into `hypothesis`, in order.
    public func align<Token: Hashable>(_ reference: [Token], _ hypothesis: [Token]) -> [EditStep] {
        var prefix = 0
        while prefix < reference.count, prefix < hypothesis.count, reference[prefix] == hypothesis[prefix] {
            prefix += 1
        }
        var suffix = 0
        while suffix < reference.count - prefix, suffix < hypothesis.count - prefix,
              reference[reference.count - 1 - suffix] == hypothesis[hypothesis.count - 1 - suffix] {
            suffix += 1
        }
        var steps: [EditStep] = []
        steps.reserveCapacity(max(reference.count, hypothesis.count) + 8)
        for index in 0..<prefix { steps.append(EditStep(.correct, reference: index, hypothesis: index)) }
        let middle = alignMiddle(
            Array(reference[prefix..<(reference.count - suffix)]),
            Array(hypothesis[prefix..<(hypothesis.count - suffix)]))
        for step in middle {
            steps.append(EditStep(
                step.operation,
                reference: step.referenceIndex.map { $0 + prefix },
                hypothesis: step.hypothesisIndex.map { $0 + prefix }))
        }
        for offset in 0..<suffix {
            steps.append(EditStep(.correct, reference: reference.count - suffix + offset,
                                  hypothesis: hypothesis.count - suffix + offset))
        }
        return steps
    }

    /// Aligns sequences that share no prefix or suffix.
    func alignMiddle<Token: Hashable>(_ reference: [Token], _ hypothesis: [Token]) -> [EditStep] {
        if reference.isEmpty {
            return hypothesis.indices.map { EditStep(.insertion, reference: nil, hypothesis: $0) }
        }
        if hypothesis.isEmpty {
            return reference.indices.map { EditStep(.deletion, reference: $0, hypothesis: nil) }
        }
        var matrix = BitParallelMatrix(reference: reference, hypothesis: hypothesis, memoryBudget: memoryBudget)
        return backtrace(reference, hypothesis, &matrix)
    }

    /// rapidfuzz's backtrace: from the bottom-right corner, a deletion when the cell above is one less,
    /// else step left and take an insertion when the cell above-left says so, else the diagonal.
    func backtrace<Token: Hashable>(
        _ reference: [Token], _ hypothesis: [Token], _ matrix: inout BitParallelMatrix
    ) -> [EditStep] {
        var reversed: [EditStep] = []
        reversed.reserveCapacity(reference.count + hypothesis.count)
        var row = reference.count
        var column = hypothesis.count
        while row > 0 && column > 0 {
            if matrix.verticalDeltaIsPlusOne(column: column, row: row - 1) {
                row -= 1
                reversed.append(EditStep(.deletion, reference: row, hypothesis: nil))
                continue
            }
            column -= 1
            if column > 0 && matrix.verticalDeltaIsMinusOne(column: column, row: row - 1) {
                reversed.append(EditStep(.insertion, reference: nil, hypothesis: column))
            } else {
                row -= 1
                let operation: EditOperation = reference[row] == hypothesis[column] ? .correct : .substitution
                reversed.append(EditStep(operation, reference: row, hypothesis: column))
            }
        }
        while row > 0 {
            row -= 1
            reversed.append(EditStep(.deletion, reference: row, hypothesis: nil))
        }
        while column > 0 {
            column -= 1
            reversed.append(EditStep(.insertion, reference: nil, hypothesis: column))
        }
        return reversed.reversed()
    }
}
