/// The bit-parallel Levenshtein step (Hyyrö 2003, "A bit-vector algorithm for computing Levenshtein and
/// Damerau edit distances", block version) for one reference sequence.
///
/// Rows run over the reference (bit i of a column is reference position i), columns over the hypothesis.
/// A column state holds `words` words of VP (vertical delta +1: D[i+1][c] − D[i][c] = +1) followed by
/// `words` words of VN (vertical delta −1).
struct BitParallelPattern {
    /// Reference length.
    let length: Int
    /// 64-bit words per vector.
    let words: Int
    /// Pattern-match vectors: `patterns[symbol * words + w]` has bit i set where reference[64w + i] is `symbol`.
    let patterns: [UInt64]
    /// The hypothesis as symbols; tokens absent from the reference map to the all-zero pattern.
    let hypothesisSymbols: [Int]

    /// Builds the pattern of `reference` and the symbols of `hypothesis`.
    init<Token: Hashable>(reference: some Collection<Token>, hypothesis: some Collection<Token>) {
        length = reference.count
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
    }

    /// Column 0: D[i][0] = i, so every vertical delta is +1.
    var initialState: [UInt64] {
        [UInt64](repeating: ~0, count: words) + [UInt64](repeating: 0, count: words)
    }

    /// Advances `state` by hypothesis token `column`, carrying the horizontal deltas from word to word.
    func advance(_ state: inout [UInt64], column: Int) {
        var horizontalPlusCarry: UInt64 = 1
        var horizontalMinusCarry: UInt64 = 0
        let base = hypothesisSymbols[column] * words
        let words = words
        patterns.withUnsafeBufferPointer { patterns in
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

    /// D[k][c] for k = 0…length, from the state of column `c` (D[0][c] = c).
    func distances(of state: [UInt64], column: Int) -> [Int] {
        var distances = [column]
        distances.reserveCapacity(length + 1)
        var current = column
        for row in 0..<length {
            let word = row / 64
            let bit = UInt64(row % 64)
            current += Int((state[word] >> bit) & 1) - Int((state[words + word] >> bit) & 1)
            distances.append(current)
        }
        return distances
    }

    /// The last column's distances D[k][m] for k = 0…length, after all hypothesis tokens.
    func lastColumnDistances() -> [Int] {
        var state = initialState
        for column in hypothesisSymbols.indices { advance(&state, column: column) }
        return distances(of: state, column: hypothesisSymbols.count)
    }
}
