/// Drops exact and near-duplicate reviews of the same product in one streaming pass.
///
/// - exact: the same product and the same normalised text;
/// - near, formatting: the same product and the same *skeleton* — the normalised text with everything but
///   letters and digits removed and runs of one scalar folded to one ("배송 빨라요!!ㅋㅋ" = "배송빨라요 ㅋ");
/// - near, small edits: the same product and skeletons whose character-bigram sets have an estimated Jaccard
///   similarity of at least 0.69 (≥ 11 of 16 MinHash values equal), found through 8 LSH bands of 2 values.
///
/// Near checks apply to skeletons of at least `minimumNearLength` scalars; shorter texts ("좋아요") repeat
/// honestly. Memory: about 170 bytes per unique review (16 MB of it for a million exact keys).
public struct DuplicateFilter: Sendable {
    /// Why a review was dropped.
    public enum Verdict: Sendable, Equatable {
        /// Not seen before (now recorded).
        case unique
        /// The same normalised text as an earlier review of the product.
        case exactDuplicate
        /// The same skeleton as, or a small edit of, an earlier review of the product.
        case nearDuplicate
    }

    /// Skeletons shorter than this are not checked for near duplicates (default 8 scalars).
    public var minimumNearLength: Int
    static let hashes = 16, rows = 2, minimumMatches = 11
    private var exact: Set<UInt64> = []
    private var skeletons: Set<UInt64> = []
    private var signatures: [UInt16] = []
    private var bands: [UInt64: Int32] = [:]

    /// An empty filter.
    public init(minimumNearLength: Int = 8) { self.minimumNearLength = minimumNearLength }

    /// Records the review and says whether it repeats an earlier one; `normalized` is `ReviewText.normalize(text)`.
    public mutating func check(productID: String, normalized: String) -> Verdict {
        let product = Self.hash(productID.unicodeScalars.lazy.map(\.value), seed: 0x9E37_79B9_7F4A_7C15)
        guard exact.insert(Self.hash(normalized.unicodeScalars.lazy.map(\.value), seed: product)).inserted else {
            return .exactDuplicate
        }
        let skeleton = Self.skeleton(normalized)
        guard skeleton.count >= minimumNearLength else { return .unique }
        guard skeletons.insert(Self.hash(skeleton, seed: product ^ 1)).inserted else { return .nearDuplicate }

        let signature = Self.minHash(skeleton)
        let keys = (0..<(Self.hashes / Self.rows)).map { band in
            Self.hash(
                signature[(band * Self.rows)..<((band + 1) * Self.rows)].map(UInt32.init), seed: product &+ UInt64(band)
            )
        }
        for key in keys {
            guard let other = bands[key] else { continue }
            let start = Int(other) * Self.hashes
            let matches = (0..<Self.hashes).filter { signatures[start + $0] == signature[$0] }.count
            if matches >= Self.minimumMatches { return .nearDuplicate }
        }
        let index = Int32(signatures.count / Self.hashes)
        signatures += signature
        for key in keys where bands[key] == nil { bands[key] = index }
        return .unique
    }

    /// Letters and digits only, with runs of one scalar folded to one.
    static func skeleton(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if out.last != scalar.value { out.append(scalar.value) }
        }
        return out
    }

    /// 16 MinHash values (low 16 bits) over the skeleton's character bigrams.
    static func minHash(_ skeleton: [UInt32]) -> [UInt16] {
        var minima = [UInt64](repeating: .max, count: hashes)
        for index in 1..<skeleton.count {
            let bigram = UInt64(skeleton[index - 1]) << 32 | UInt64(skeleton[index])
            for k in 0..<hashes {
                minima[k] = min(minima[k], mix(bigram &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15))
            }
        }
        return minima.map { UInt16(truncatingIfNeeded: $0 >> 48) }
    }

    /// SplitMix64's finaliser: a cheap, well-spread 64-bit mix.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64-bit FNV-1a over 32-bit values, with a seed.
    static func hash(_ values: some Sequence<UInt32>, seed: UInt64) -> UInt64 {
        var h = 0xCBF2_9CE4_8422_2325 ^ seed
        for value in values { h = (h ^ UInt64(value)) &* 0x100_0000_01B3 }
        return h
    }
}
