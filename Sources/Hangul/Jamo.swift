/// Composition and decomposition of Hangul syllables (U+AC00–U+D7A3) and their conjoining jamo.
///
/// A precomposed syllable is `0xAC00 + (lead × 21 + vowel) × 28 + tail`, with 19 leading consonants
/// (U+1100…U+1112), 21 vowels (U+1161…U+1175) and 27 trailing consonants (U+11A8…U+11C2, index 0 = none),
/// as defined in the Unicode Standard, section 3.12 ("Conjoining Jamo Behavior").
/// Compatibility jamo (U+3131…U+3163, what keyboards produce for a letter standing alone) map onto
/// these positions through ``CompatibilityJamo``.
public enum Jamo {
    /// The first precomposed syllable, 가 (U+AC00).
    public static let firstSyllable: UInt32 = 0xAC00
    /// The number of precomposed syllables (19 × 21 × 28 = 11,172).
    public static let syllableCount: UInt32 = 11_172
    /// The first leading consonant, ᄀ (U+1100).
    public static let leadBase: UInt32 = 0x1100
    /// The first vowel, ᅡ (U+1161).
    public static let vowelBase: UInt32 = 0x1161
    /// One before the first trailing consonant (U+11A7), so that tail index 0 means "no tail".
    public static let tailBase: UInt32 = 0x11A7
    /// Number of leading consonants.
    public static let leadCount: UInt32 = 19
    /// Number of vowels.
    public static let vowelCount: UInt32 = 21
    /// Number of trailing-consonant slots, including the empty slot 0.
    public static let tailCount: UInt32 = 28

    /// The parts of one syllable as conjoining jamo.
    public struct Parts: Equatable, Hashable, Sendable {
        /// Leading consonant, U+1100…U+1112.
        public var lead: Unicode.Scalar
        /// Vowel, U+1161…U+1175.
        public var vowel: Unicode.Scalar
        /// Trailing consonant, U+11A8…U+11C2, or `nil` for an open syllable.
        public var tail: Unicode.Scalar?

        /// Creates the parts of a syllable; they are checked by ``Jamo/compose(_:)``.
        public init(lead: Unicode.Scalar, vowel: Unicode.Scalar, tail: Unicode.Scalar? = nil) {
            self.lead = lead
            self.vowel = vowel
            self.tail = tail
        }
    }

    /// Whether `scalar` is a precomposed Hangul syllable (U+AC00–U+D7A3).
    public static func isSyllable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- firstSyllable < syllableCount
    }

    /// Whether `scalar` is a modern conjoining leading consonant (U+1100–U+1112).
    public static func isLead(_ scalar: Unicode.Scalar) -> Bool { scalar.value &- leadBase < leadCount }

    /// Whether `scalar` is a modern conjoining vowel (U+1161–U+1175).
    public static func isVowel(_ scalar: Unicode.Scalar) -> Bool { scalar.value &- vowelBase < vowelCount }

    /// Whether `scalar` is a modern conjoining trailing consonant (U+11A8–U+11C2).
    public static func isTail(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- (tailBase + 1) < tailCount - 1
    }

    /// Splits a precomposed syllable into conjoining jamo; `nil` for anything else.
    public static func decompose(_ syllable: Unicode.Scalar) -> Parts? {
        guard isSyllable(syllable) else { return nil }
        let index = syllable.value - firstSyllable
        let tail = index % tailCount
        return Parts(
            lead: scalar(leadBase + index / (vowelCount * tailCount)),
            vowel: scalar(vowelBase + (index % (vowelCount * tailCount)) / tailCount),
            tail: tail == 0 ? nil : scalar(tailBase + tail))
    }

    /// Joins conjoining jamo into a precomposed syllable; `nil` when a part is out of range.
    public static func compose(_ parts: Parts) -> Unicode.Scalar? {
        guard isLead(parts.lead), isVowel(parts.vowel) else { return nil }
        var tailIndex: UInt32 = 0
        if let tail = parts.tail {
            guard isTail(tail) else { return nil }
            tailIndex = tail.value - tailBase
        }
        let lead = parts.lead.value - leadBase
        let vowel = parts.vowel.value - vowelBase
        return scalar(firstSyllable + (lead * vowelCount + vowel) * tailCount + tailIndex)
    }

    /// Replaces every precomposed syllable in `text` by its conjoining jamo (the Hangul part of NFD).
    public static func decompose(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let parts = decompose(scalar) {
                output.append(parts.lead)
                output.append(parts.vowel)
                if let tail = parts.tail { output.append(tail) }
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Joins runs of conjoining jamo (lead + vowel, optionally + tail) into precomposed syllables —
    /// the Hangul part of NFC: an open syllable followed by a trailing consonant absorbs it, as NFC does.
    /// Jamo that do not form a syllable are left as they are.
    public static func compose(_ text: String) -> String {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let previous = output.last {
                if isLead(previous), isVowel(scalar), let syllable = compose(Parts(lead: previous, vowel: scalar)) {
                    output[output.count - 1] = syllable
                    continue
                }
                if isTail(scalar), isSyllable(previous), (previous.value - firstSyllable) % tailCount == 0 {
                    output[output.count - 1] = Jamo.scalar(previous.value + scalar.value - tailBase)
                    continue
                }
            }
            output.append(scalar)
        }
        return String(String.UnicodeScalarView(output))
    }

    /// A scalar for a code point that the arithmetic above keeps inside the Hangul blocks.
    static func scalar(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
