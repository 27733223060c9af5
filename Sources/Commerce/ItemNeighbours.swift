/// Each item's nearest neighbours with their similarities (the `count` most similar, similarity > 0),
/// stored compressed. Item-based recommenders score an item by summing its similarity to the items a
/// customer bought.
public struct ItemNeighbours: Sendable {
    public let offsets: [Int]
    public let neighbours: [Int32]
    public let similarities: [Float]

    /// Keeps the `count` largest of each row of a dense `items × items` similarity matrix (diagonal ignored).
    init(dense: [Float], items: Int, count: Int) {
        var offsets = [0], neighbours: [Int32] = [], similarities: [Float] = []
        var row = [(Float, Int32)]()
        for i in 0..<items {
            row.removeAll(keepingCapacity: true)
            for j in 0..<items where j != i && dense[i * items + j] > 0 { row.append((dense[i * items + j], Int32(j))) }
            if row.count > count {
                row.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }; row.removeLast(row.count - count)
            }
            for (similarity, j) in row { neighbours.append(j); similarities.append(similarity) }
            offsets.append(neighbours.count)
        }
        self.init(offsets: offsets, neighbours: neighbours, similarities: similarities)
    }

    private init(offsets: [Int], neighbours: [Int32], similarities: [Float]) {
        (self.offsets, self.neighbours, self.similarities) = (offsets, neighbours, similarities)
    }

    /// Each item's `count` most similar items by cosine similarity of who holds them in `data`
    /// (`sim(i, j) = |customers(i) ∩ customers(j)| / √(|customers(i)| · |customers(j)|)`), counted in a dense
    /// items × items matrix (54 MB for the UCI catalogue's 3,665 items; skipped when `data` is empty).
    init(cosineOver data: Interactions, count: Int) {
        let n = data.items.count
        guard data.pairCount > 0 else {
            self.init(offsets: Array(repeating: 0, count: n + 1), neighbours: [], similarities: [])
            return
        }
        var together = [Float](repeating: 0, count: n * n)
        together.withUnsafeMutableBufferPointer { matrix in
            for u in 0..<data.customers.count {
                let history = data.items(of: u)
                for a in history {
                    let row = Int(a) * n
                    for b in history { matrix[row + Int(b)] += 1 }
                }
            }
        }
        let holders = data.itemPopularity.map { Float($0) }
        for i in 0..<n where holders[i] > 0 {
            for j in 0..<n where together[i * n + j] > 0 {
                together[i * n + j] /= (holders[i] * holders[j]).squareRoot()
            }
        }
        self.init(dense: together, items: n, count: count)
    }

    /// Item `i`'s neighbours and similarities.
    public func of(_ i: Int) -> (items: ArraySlice<Int32>, similarities: ArraySlice<Float>) {
        (neighbours[offsets[i]..<offsets[i + 1]], similarities[offsets[i]..<offsets[i + 1]])
    }

    /// Adds, for every item, its similarity to each of `history` (scores must be zeroed by the caller).
    func accumulate(history: ArraySlice<Int32>, into scores: inout [Float]) {
        for j in history {
            let range = offsets[Int(j)]..<offsets[Int(j) + 1]
            for position in range { scores[Int(neighbours[position])] += similarities[position] }
        }
    }

    /// The item of `history` most similar to `item` (as its neighbour), if any.
    func strongestLink(to item: Int, history: ArraySlice<Int32>) -> Int? {
        var best: (Float, Int)? = nil
        for j in history {
            let (items, similarities) = of(Int(j))
            if let position = items.firstIndex(of: Int32(item)), similarities[position] > (best?.0 ?? 0) {
                best = (similarities[position], Int(j))
            }
        }
        return best?.1
    }
}
