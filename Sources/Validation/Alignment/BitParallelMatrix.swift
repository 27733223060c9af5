/// The whole Levenshtein matrix of two sequences as bit-parallel columns (see ``BitParallelPattern``),
/// for the backtrace. Columns are all kept when they fit in the memory budget; otherwise every k-th column
/// (k ≈ √m) is kept as a checkpoint and each block of k columns is recomputed once when the backtrace
/// reaches it, so memory is O(⌈n/64⌉ · √m) words at no more than twice the time.
struct BitParallelMatrix {
    /// The pattern and the step.
    let pattern: BitParallelPattern
    /// Columns per stored block (and distance between checkpoints).
    let blockLength: Int
    /// VP and VN of every `blockLength`-th column, starting with column 0 (2 · `words` each).
    private var checkpoints: [UInt64] = []
    /// VP and VN of the columns of the loaded block (2 · `words` each).
    private var block: [UInt64] = []
    /// The block currently in `block`, or −1.
    private var loadedBlock = -1

    /// Computes the matrix of `reference` against `hypothesis` within `memoryBudget` bytes of columns.
    init<Token: Hashable>(reference: some Collection<Token>, hypothesis: some Collection<Token>, memoryBudget: Int) {
        pattern = BitParallelPattern(reference: reference, hypothesis: hypothesis)
        let columns = hypothesis.count
        let columnBytes = 2 * pattern.words * MemoryLayout<UInt64>.size
        if columns * columnBytes <= memoryBudget {
            blockLength = max(columns, 1)
        } else {
            var root = 1
            while root * root < columns { root += 1 }
            blockLength = root
        }
        var state = pattern.initialState
        checkpoints = state
        if blockLength < columns {
            for column in 0..<columns {
                pattern.advance(&state, column: column)
                if (column + 1) % blockLength == 0 { checkpoints += state }
            }
        }
    }

    /// Whether D[row+1][column] − D[row][column] = +1; `column` ≥ 1.
    mutating func verticalDeltaIsPlusOne(column: Int, row: Int) -> Bool {
        bit(column: column, row: row, vector: 0)
    }

    /// Whether D[row+1][column] − D[row][column] = −1; `column` ≥ 1.
    mutating func verticalDeltaIsMinusOne(column: Int, row: Int) -> Bool {
        bit(column: column, row: row, vector: 1)
    }

    /// Reads one bit of VP (`vector` 0) or VN (`vector` 1), loading the column's block when needed.
    private mutating func bit(column: Int, row: Int, vector: Int) -> Bool {
        let blockIndex = (column - 1) / blockLength
        if blockIndex != loadedBlock { load(block: blockIndex) }
        let offset = ((column - 1) % blockLength * 2 + vector) * pattern.words + row / 64
        return block[offset] >> UInt64(row % 64) & 1 == 1
    }

    /// Recomputes the columns of one block from its checkpoint.
    private mutating func load(block blockIndex: Int) {
        let words = pattern.words
        let start = blockIndex * blockLength
        let end = min(start + blockLength, pattern.hypothesisSymbols.count)
        var state = Array(checkpoints[(blockIndex * 2 * words)..<((blockIndex + 1) * 2 * words)])
        block.removeAll(keepingCapacity: true)
        block.reserveCapacity((end - start) * 2 * words)
        for column in start..<end {
            pattern.advance(&state, column: column)
            block += state
        }
        loadedBlock = blockIndex
    }
}
