/// Drops exact and near-duplicate reviews of the same product, in one pass with O(reviews) memory
/// (a set of 64-bit keys; about 16 MB for a million reviews).
///
/// - exact: the same product and the same normalised text;
/// - near: the same product and the same *skeleton* — the normalised text with everything but letters and
///   digits removed and letter runs folded to one (so "배송 빨라요!!ㅋㅋ" and "배송빨라요 ㅋ" collide),
///   for skeletons of at least `minimumNearLength` scalars; shorter ones ("좋아요") repeat honestly.
public struct DuplicateFilter: Sendable {
    /// Why a review was dropped.
    public enum Verdict: Sendable, Equatable {
        case unique, exactDuplicate, nearDuplicate
    }

    /// Skeletons shorter than this are not checked for near duplicates (default 8 scalars).
    public var minimumNearLength: Int
    private var exact: Set<UInt64> = []
    private var near: Set<UInt64> = []

    /// An empty filter.
    public init(minimumNearLength: Int = 8) { self.minimumNearLength = minimumNearLength }

    /// Records the review and says whether it repeats an earlier one; `normalized` is `ReviewText.normalize(text)`.
    public mutating func check(productID: String, normalized: String) -> Verdict {
        let product = Self.hash(productID.unicodeScalars.lazy.map(\.value), seed: 0x9E37_79B9_7F4A_7C15)
        let exactKey = Self.hash(normalized.unicodeScalars.lazy.map(\.value), seed: product)
        guard exact.insert(exactKey).inserted else { return .exactDuplicate }
        let skeleton = Self.skeleton(normalized)
        guard skeleton.count >= minimumNearLength else { return .unique }
        return near.insert(Self.hash(skeleton, seed: product ^ 1)).inserted ? .unique : .nearDuplicate
    }

    /// Letters and digits only, with runs of one scalar folded to one.
    static func skeleton(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if out.last != scalar.value { out.append(scalar.value) }
        }
        return out
    }

    /// 64-bit FNV-1a over 32-bit values, with a seed.
    static func hash(_ values: some Sequence<UInt32>, seed: UInt64) -> UInt64 {
        var h = 0xCBF2_9CE4_8422_2325 ^ seed
        for value in values { h = (h ^ UInt64(value)) &* 0x100_0000_01B3 }
        return h
    }
}
