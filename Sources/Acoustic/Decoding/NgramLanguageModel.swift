import Foundation

/// A unit n-gram language model in backoff form, for shallow fusion in `PrefixBeamSearch`; built from
/// text by `Training/liveinsight_train/ngram_lm.py`, whose `LanguageModel` class is the reference this type matches.
///
/// Order n's table lists its n-grams by key (context index · V + unit, where the context index is the
/// position of the first n − 1 units in order n − 1's table), each with its log-probability, the
/// log-weight it passes to a shorter context when it is itself a context (its backoff), and the
/// position of its last n − 1 units (its suffix). A lookup walks from the longest context down.
public struct NgramLanguageModel: Sendable {
    /// Where a history stands: the longest stored suffix of it, of at most `order` − 1 units.
    public struct State: Hashable, Sendable {
        let order: Int
        let index: Int
    }

    private struct Table: Sendable {
        let keys: [Int32]
        let suffix: [Int32]
        let logProbability: [Float]
        let backoff: [Float]

        func find(_ key: Int) -> Int? {
            var (low, high) = (0, keys.count)
            while low < high {
                let middle = (low + high) / 2
                if Int(keys[middle]) < key { low = middle + 1 } else { high = middle }
            }
            return low < keys.count && Int(keys[low]) == key ? low : nil
        }
    }

    /// The word-boundary unit, which also marks a sentence's start and end.
    public static let boundary = TokenVocabulary.wordBoundary

    /// The file it was read from.
    public let path: String
    /// The longest n-grams stored.
    public let order: Int
    /// The units, which must be the acoustic model's.
    public let vocabulary: [String]
    /// SHA-256 of the file's data section, as recorded in it.
    public let digest: String
    private let tables: [Table]  // tables[n - 1] holds order n
    private let rootBackoff: Float
    /// The state at the start of a sentence.
    public private(set) var start = State(order: 0, index: 0)

    /// The `digest` of the language model at `path`, read from the header alone.
    public static func recordedDigest(path: String) throws(AcousticModelError) -> String {
        try SafeTensorsFile.metadata(path: path)["data_sha256"] ?? ""
    }

    /// Reads a language model file (safetensors, format `liveinsight-ngram`), checking its checksum.
    public init(path: String) throws(AcousticModelError) {
        let file = try SafeTensorsFile(path: path)
        guard file.metadata["format"] == "liveinsight-ngram" else {
            throw .unsupportedFormat(
                path: path,
                detail: "metadata format is '\(file.metadata["format"] ?? "absent")', expected 'liveinsight-ngram'")
        }
        guard file.metadata["version"] == "1" else {
            throw .unsupportedFormat(
                path: path,
                detail: "language model version '\(file.metadata["version"] ?? "absent")'; this engine reads 1")
        }
        guard let order = file.metadata["order"].flatMap(Int.init), order >= 1,
            let vocabulary = file.metadata["vocab"].flatMap({
                try? JSONDecoder().decode([String].self, from: Data($0.utf8))
            }),
            vocabulary.count > Self.boundary
        else { throw .badConfiguration(path: path, detail: "the language model's order or vocab is missing") }
        var tables: [Table] = []
        for n in 1...order {
            func tensor(_ name: String) throws(AcousticModelError) -> SafeTensorsFile.Tensor {
                guard let tensor = file.tensors["order\(n).\(name)"] else {
                    throw .missingTensor(path: path, name: "order\(n).\(name)")
                }
                return tensor
            }
            let table = Table(
                keys: try tensor("keys").integers, suffix: try tensor("suffix").integers,
                logProbability: try tensor("log_prob").values, backoff: try tensor("backoff").values)
            guard
                [table.suffix.count, table.logProbability.count, table.backoff.count].allSatisfy({
                    $0 == table.keys.count
                })
            else {
                throw .malformed(path: path, detail: "order \(n)'s tables differ in length")
            }
            tables.append(table)
        }
        guard let root = file.tensors["order0.backoff"]?.values.first else {
            throw .missingTensor(path: path, name: "order0.backoff")
        }
        (self.path, self.order, self.vocabulary, self.tables, self.rootBackoff) = (
            path, order, vocabulary, tables, root
        )
        digest = file.metadata["data_sha256"] ?? ""
        start = score(start, Self.boundary).next
    }

    /// log P(`unit` | history at `state`), natural log, and the state after it.
    public func score(_ state: State, _ unit: Int) -> (logProbability: Float, next: State) {
        var (k, i) = (state.order, state.index)
        var accumulated: Float = 0
        while true {
            if let j = tables[k].find(i * vocabulary.count + unit) {
                let found = tables[k]
                let next = k + 1 == order ? State(order: k, index: Int(found.suffix[j])) : State(order: k + 1, index: j)
                return (accumulated + found.logProbability[j], next)
            }
            if k == 0 { return (accumulated + rootBackoff - log(Float(vocabulary.count)), State(order: 0, index: 0)) }
            accumulated += tables[k - 1].backoff[i]
            (k, i) = (k - 1, Int(tables[k - 1].suffix[i]))
        }
    }

    /// log P of a unit sequence as a whole sentence, its end included.
    public func sentenceLogProbability(_ units: [Int]) -> Float {
        var (state, total) = (start, Float(0))
        for unit in units + [Self.boundary] {
            let (logProbability, next) = score(state, unit)
            total += logProbability
            state = next
        }
        return total
    }
}
