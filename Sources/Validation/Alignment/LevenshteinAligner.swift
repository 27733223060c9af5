/// Minimum-edit (Levenshtein) alignment of two token sequences that reproduces rapidfuzz's
/// `Levenshtein.editops`/`opcodes` — which jiwer uses — step for step, so substitution, deletion and
/// insertion counts equal jiwer's, not only their sum.
///
/// It follows rapidfuzz's structure:
/// - The common prefix and suffix are matched first and only the middle is aligned.
/// - When the middle is small (2 · n · m / 8 < 1 MiB bytes, or n < 65, or m < 10 — rapidfuzz's test, with
///   n reference and m hypothesis tokens) the whole matrix is computed bit-parallel (``BitParallelMatrix``)
///   and walked back from the end, preferring a deletion, then an insertion, then the diagonal — rapidfuzz's
///   `recover_alignment`.
/// - Otherwise the hypothesis is cut in half and the reference at the first position where the forward and
///   backward distances sum to the minimum (Hirschberg's split, as `find_hirschberg_pos` chooses it), and
///   both halves are aligned the same way, with the distance of each half as its band.
///
/// Time is O(⌈n/64⌉ · m) per level of splitting. Memory: a leaf keeps its columns (2 bits per cell) up to
/// ``memoryBudget``, beyond that √m checkpoints; splitting keeps two rows. A 100,000 × 100,000-character
/// broadcast therefore aligns in seconds within a few megabytes.
public struct LevenshteinAligner: Sendable {
    /// The most bytes of stored columns in one leaf before switching to checkpoints (default 64 MiB).
    public var memoryBudget: Int

    /// Creates an aligner with the given column-memory budget.
    public init(memoryBudget: Int = 64 << 20) {
        self.memoryBudget = memoryBudget
    }

    /// An edit in rapidfuzz's form: its kind and the reference and hypothesis positions where it applies.
    struct Edit {
        var operation: EditOperation
        var referencePosition: Int
        var hypothesisPosition: Int
    }

    /// The alignment steps turning `reference` into `hypothesis`, in order, matches included.
    public func align<Token: Hashable>(_ reference: [Token], _ hypothesis: [Token]) -> [EditStep] {
        var edits: [Edit] = []
        collectEdits(reference[...], hypothesis[...], band: Int.max, into: &edits)
        return Self.steps(from: edits, referenceCount: reference.count, hypothesisCount: hypothesis.count)
    }

    /// Appends the edits of one stretch (slices keep the original positions), splitting like rapidfuzz's
    /// `levenshtein_align_hirschberg`.
    func collectEdits<Token: Hashable>(
        _ reference: ArraySlice<Token>, _ hypothesis: ArraySlice<Token>, band: Int, into edits: inout [Edit]
    ) {
        var reference = reference
        var hypothesis = hypothesis
        while let first = reference.first, first == hypothesis.first {
            reference.removeFirst()
            hypothesis.removeFirst()
        }
        while let last = reference.last, last == hypothesis.last {
            reference.removeLast()
            hypothesis.removeLast()
        }
        let band = min(band, max(reference.count, hypothesis.count))
        let fullBand = min(reference.count, 2 * band + 1)
        if 2 * fullBand * hypothesis.count / 8 < 1 << 20 || reference.count < 65 || hypothesis.count < 10 {
            backtrace(reference, hypothesis, into: &edits)
            return
        }
        let split = HirschbergSplit(reference: reference, hypothesis: hypothesis)
        collectEdits(
            reference[..<split.referenceMiddle], hypothesis[..<split.hypothesisMiddle],
            band: split.leftDistance, into: &edits)
        collectEdits(
            reference[split.referenceMiddle...], hypothesis[split.hypothesisMiddle...],
            band: split.rightDistance, into: &edits)
    }

    /// rapidfuzz's backtrace over the whole matrix of a stretch: from the bottom-right corner, a deletion
    /// when the cell above is one less, else step left and take an insertion when the cell there says so,
    /// else the diagonal (a substitution when the tokens differ).
    func backtrace<Token: Hashable>(
        _ reference: ArraySlice<Token>, _ hypothesis: ArraySlice<Token>, into edits: inout [Edit]
    ) {
        let referenceStart = reference.startIndex
        let hypothesisStart = hypothesis.startIndex
        var reversed: [Edit] = []
        var row = reference.count
        var column = hypothesis.count
        if row > 0 && column > 0 {
            var matrix = BitParallelMatrix(reference: reference, hypothesis: hypothesis, memoryBudget: memoryBudget)
            while row > 0 && column > 0 {
                if matrix.verticalDeltaIsPlusOne(column: column, row: row - 1) {
                    row -= 1
                    reversed.append(Edit(operation: .deletion, referencePosition: row, hypothesisPosition: column))
                    continue
                }
                column -= 1
                if column > 0 && matrix.verticalDeltaIsMinusOne(column: column, row: row - 1) {
                    reversed.append(Edit(operation: .insertion, referencePosition: row, hypothesisPosition: column))
                } else {
                    row -= 1
                    if reference[referenceStart + row] != hypothesis[hypothesisStart + column] {
                        reversed.append(
                            Edit(operation: .substitution, referencePosition: row, hypothesisPosition: column))
                    }
                }
            }
        }
        while row > 0 {
            row -= 1
            reversed.append(Edit(operation: .deletion, referencePosition: row, hypothesisPosition: column))
        }
        while column > 0 {
            column -= 1
            reversed.append(Edit(operation: .insertion, referencePosition: row, hypothesisPosition: column))
        }
        for edit in reversed.reversed() {
            edits.append(
                Edit(
                    operation: edit.operation, referencePosition: edit.referencePosition + referenceStart,
                    hypothesisPosition: edit.hypothesisPosition + hypothesisStart))
        }
    }

    /// Full steps from edits in rapidfuzz's form: the stretches between edits are matches.
    static func steps(from edits: [Edit], referenceCount: Int, hypothesisCount: Int) -> [EditStep] {
        var steps: [EditStep] = []
        steps.reserveCapacity(max(referenceCount, hypothesisCount) + edits.count)
        var referenceIndex = 0
        var hypothesisIndex = 0
        func matchUntil(_ referenceEnd: Int) {
            while referenceIndex < referenceEnd {
                steps.append(EditStep(.correct, reference: referenceIndex, hypothesis: hypothesisIndex))
                referenceIndex += 1
                hypothesisIndex += 1
            }
        }
        for edit in edits {
            matchUntil(edit.referencePosition)
            switch edit.operation {
            case .substitution:
                steps.append(EditStep(.substitution, reference: referenceIndex, hypothesis: hypothesisIndex))
                referenceIndex += 1
                hypothesisIndex += 1
            case .deletion:
                steps.append(EditStep(.deletion, reference: referenceIndex, hypothesis: nil))
                referenceIndex += 1
            case .insertion:
                steps.append(EditStep(.insertion, reference: nil, hypothesis: hypothesisIndex))
                hypothesisIndex += 1
            case .correct:
                break
            }
        }
        matchUntil(referenceCount)
        return steps
    }
}

/// Where rapidfuzz's `find_hirschberg_pos` cuts a stretch: the hypothesis in half, the reference at the
/// first position where distance(prefixes) + distance(suffixes) is smallest.
struct HirschbergSplit {
    /// Reference index of the cut (absolute, at least one token into the stretch).
    let referenceMiddle: Int
    /// Hypothesis index of the cut (absolute).
    let hypothesisMiddle: Int
    /// Distance of the left halves.
    let leftDistance: Int
    /// Distance of the right halves.
    let rightDistance: Int

    /// Computes the cut with one forward pass over the left half and one backward pass over the right half.
    init<Token: Hashable>(reference: ArraySlice<Token>, hypothesis: ArraySlice<Token>) {
        let leftSize = hypothesis.count / 2
        let hypothesisMiddle = hypothesis.startIndex + leftSize
        let left = BitParallelPattern(reference: reference, hypothesis: hypothesis[..<hypothesisMiddle])
            .lastColumnDistances()
        let right = BitParallelPattern(
            reference: reference.reversed(), hypothesis: hypothesis[hypothesisMiddle...].reversed()
        )
        .lastColumnDistances()
        let length = reference.count
        var best = Int.max
        var cut = 1
        for offset in 0..<length where left[offset + 1] + right[length - offset - 1] < best {
            best = left[offset + 1] + right[length - offset - 1]
            cut = offset + 1
        }
        referenceMiddle = reference.startIndex + cut
        self.hypothesisMiddle = hypothesisMiddle
        leftDistance = left[cut]
        rightDistance = right[length - cut]
    }
}
