/// Normalised review text → hashed feature ids, exactly as
/// `Training/liveinsight_train/sentiment/featurize.py` computes them.
///
/// The padded text is `" " + normalised + " "`. Features: every window of 1…`maxCharacterN` Unicode scalars
/// (character n-grams), every space-separated word, every pair of neighbouring words. Each is hashed with
/// 64-bit FNV-1a over scalar values, seeded with its kind (n for character n-grams, 16 for words; a word
/// pair mixes its two word hashes with kind 17), and folded to a bucket: `(h ^ (h >> 32)) & (buckets − 1)`.
public struct ReviewFeaturizer: Sendable {
    /// Number of hash buckets (a power of two: the model's embedding rows).
    public let buckets: Int
    /// Longest character n-gram.
    public let maxCharacterN: Int

    static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x100_0000_01B3
    static let wordKind: UInt64 = 16
    static let bigramKind: UInt64 = 17

    /// A featurizer for a table of `buckets` rows and n-grams up to `maxCharacterN`;
    /// nil unless `buckets` is a power of two and `maxCharacterN` is at least 1.
    public init?(buckets: Int, maxCharacterN: Int = 4) {
        guard buckets > 0, buckets & (buckets - 1) == 0, maxCharacterN >= 1 else { return nil }
        (self.buckets, self.maxCharacterN) = (buckets, maxCharacterN)
    }

    /// Appends the feature ids of `normalized` (a `ReviewText.normalize` result) to `ids`;
    /// `scalars` is scratch space, reused between calls to avoid allocation.
    public func features(ofNormalized normalized: String, into ids: inout [Int32], scratch scalars: inout [UInt32]) {
        scalars.removeAll(keepingCapacity: true)
        scalars.append(0x20)
        for scalar in normalized.unicodeScalars { scalars.append(scalar.value) }
        scalars.append(0x20)
        let mask = UInt64(buckets - 1)
        let count = scalars.count
        scalars.withUnsafeBufferPointer { text in
            for n in 1...maxCharacterN where n <= count {
                let seed = (Self.offset ^ UInt64(n)) &* Self.prime
                for start in 0...(count - n) {
                    var h = seed
                    for k in start..<(start + n) { h = (h ^ UInt64(text[k])) &* Self.prime }
                    ids.append(Self.fold(h, mask))
                }
            }
            // Words: runs between the padding spaces (the text holds single spaces only).
            var previous: UInt64?
            var h = (Self.offset ^ Self.wordKind) &* Self.prime
            var inWord = false
            for index in 1..<count {
                let value = text[index]
                if value == 0x20 {
                    guard inWord else { continue }
                    ids.append(Self.fold(h, mask))
                    if let previous {
                        ids.append(Self.fold(((previous ^ Self.bigramKind) &* Self.prime ^ h) &* Self.prime, mask))
                    }
                    previous = h
                    h = (Self.offset ^ Self.wordKind) &* Self.prime
                    inWord = false
                } else {
                    h = (h ^ UInt64(value)) &* Self.prime
                    inWord = true
                }
            }
        }
    }

    /// Convenience: the feature ids of raw text (normalised here).
    public func features(of text: String) -> [Int32] {
        var ids: [Int32] = [], scratch: [UInt32] = []
        features(ofNormalized: ReviewText.normalize(text), into: &ids, scratch: &scratch)
        return ids
    }

    @inline(__always)
    static func fold(_ h: UInt64, _ mask: UInt64) -> Int32 { Int32(truncatingIfNeeded: (h ^ (h >> 32)) & mask) }
}
