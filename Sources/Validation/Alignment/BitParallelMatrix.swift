/// The Levenshtein matrix of two sequences as bit-parallel columns (Hyyrö 2003, block version), with
/// checkpointing so that long sequences keep memory bounded. See ``LevenshteinAligner`` for the bounds.
///
/// Rows run over the reference (bit i of a column is reference position i), columns over the hypothesis.
/// Column c holds, for the matrix D after hypothesis token c − 1, the bits `VP` where
/// D[i+1][c] − D[i][c] = +1 and `VN` where it is −1.
struct BitParallelMatrix {
    /// 64-bit words per column vector.
    let words: Int
    /// Columns per stored block (and distance between checkpoints).
    let blockLength: Int
    /// Pattern-match vectors: `patterns[symbol * words + w]` has bit i set where reference[64w + i] is `symbol`.
    let patterns: [UInt64]
    /// The hypothesis as symbols; tokens absent from the reference map to the all-zero pattern.
    let hypothesisSymbols: [Int]
    /// VP and VN of every `blockLength`-th column, starting with column 0 (2 · `words` each).
    private var checkpoints: [UInt64] = []
    /// VP and VN of the columns of the loaded block (2 · `words` each).
    private var block: [UInt64] = []
    /// The block currently in `block`, or −1.
    private var loadedBlock = -1

    /// Computes the matrix; keeps all columns when they fit in `memoryBudget` bytes, else checkpoints.
    init<Token: Hashable>(reference: [Token], hypothesis: [Token], memoryBudget: Int) {
        words = (reference.count + 63) / 64
        var symbolOf: [Token: Int] = [:]
        symbolOf.reserveCapacity(reference.count)
        for token in reference where symbolOf[token] == nil { symbolOf[token] = symbolOf.count }
        let absent = symbolOf.count
        var patterns = [UInt64](repeating: 0, count: (absent + 1) * words)
        for (position, token) in reference.enumerated() {
            patterns[symbolOf[token]! * words + position / 64] |= 1 << UInt64(position % 64)
        }
        self.patterns = patterns
        hypothesisSymbols = hypothesis.map { symbolOf[$0] ?? absent }

        let columnBytes = 2 * words * MemoryLayout<UInt64>.size
        if hypothesis.count * columnBytes <= memoryBudget {
            blockLength = max(hypothesis.count, 1)
        } else {
            var root = 1
            while root * root < hypothesis.count { root += 1 }
            blockLength = root
        }
        var state = Self.initialState(words: words)
        checkpoints = state
        if blockLength < hypothesis.count {
            for column in 1...hypothesis.count {
                advance(&state, symbol: hypothesisSymbols[column - 1])
                if column % blockLength == 0 { checkpoints += state }
            }
        }
    }

    /// Column 0: D[i][0] = i, so every vertical delta is +1.
    static func initialState(words: Int) -> [UInt64] {
        [UInt64](repeating: ~0, count: words) + [UInt64](repeating: 0, count: words)
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
        let offset = ((column - 1) % blockLength * 2 + vector) * words + row / 64
        return block[offset] >> UInt64(row % 64) & 1 == 1
    }

    /// Recomputes the columns of one block from its checkpoint.
    private mutating func load(block blockIndex: Int) {
        let start = blockIndex * blockLength
        let end = min(start + blockLength, hypothesisSymbols.count)
        var state = Array(checkpoints[(blockIndex * 2 * words)..<((blockIndex + 1) * 2 * words)])
        block.removeAll(keepingCapacity: true)
        block.reserveCapacity((end - start) * 2 * words)
        for column in start..<end {
            advance(&state, symbol: hypothesisSymbols[column])
            block += state
        }
        loadedBlock = blockIndex
    }

    /// Advances `state` (VP then VN, `words` each) by one hypothesis symbol: Hyyrö's step, carrying the
    /// horizontal deltas from word to word.
    private func advance(_ state: inout [UInt64], symbol: Int) {
        var horizontalPlusCarry: UInt64 = 1
        var horizontalMinusCarry: UInt64 = 0
        let base = symbol * words
        state.withUnsafeMutableBufferPointer { vectors in
            for word in 0..<words {
                let verticalPlus = vectors[word]
                let verticalMinus = vectors[words + word]
                let match = patterns[base + word] | horizontalMinusCarry
                let diagonalZero = (((match & verticalPlus) &+ verticalPlus) ^ verticalPlus) | match | verticalMinus
                var horizontalPlus = verticalMinus | ~(diagonalZero | verticalPlus)
                var horizontalMinus = diagonalZero & verticalPlus
                let plusOut = horizontalPlus >> 63
                let minusOut = horizontalMinus >> 63
                horizontalPlus = (horizontalPlus << 1) | horizontalPlusCarry
                horizontalMinus = (horizontalMinus << 1) | horizontalMinusCarry
                horizontalPlusCarry = plusOut
                horizontalMinusCarry = minusOut
                vectors[word] = horizontalMinus | ~(diagonalZero | horizontalPlus)
                vectors[words + word] = horizontalPlus & diagonalZero
            }
        }
    }
}
