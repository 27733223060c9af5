/// Compatibility jamo (U+3131–U+3163): the standalone letters keyboards produce (ㄱ, ㅏ, ㅋㅋ).
///
/// Unicode normalisation (NFC) leaves them alone, so "ㅎㅏㄴ" never becomes "한" by NFC.
/// This type maps them to conjoining jamo and composes well-formed runs into syllables.
public enum CompatibilityJamo {
    /// Compatibility consonants in the order of the 19 conjoining leading consonants.
    static let leads = Array("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ".unicodeScalars)
    /// Compatibility consonants in the order of the 27 conjoining trailing consonants.
    static let tails = Array("ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ".unicodeScalars)
    /// The first compatibility vowel, ㅏ (U+314F); the 21 vowels follow in conjoining order.
    static let firstVowel: UInt32 = 0x314F

    /// Whether `scalar` is a modern compatibility vowel (U+314F–U+3163).
    public static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- firstVowel < Jamo.vowelCount
    }

    /// The conjoining leading consonant for a compatibility consonant (ㄱ → U+1100); `nil` for clusters like ㄳ.
    public static func lead(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        leads.firstIndex(of: scalar).map { Jamo.scalar(Jamo.leadBase + UInt32($0)) }
    }

    /// The conjoining vowel for a compatibility vowel (ㅏ → U+1161).
    public static func vowel(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        isVowel(scalar) ? Jamo.scalar(Jamo.vowelBase + scalar.value - firstVowel) : nil
    }

    /// The conjoining trailing consonant for a compatibility consonant (ㄱ → U+11A8); `nil` for ㄸ ㅃ ㅉ.
    public static func tail(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        tails.firstIndex(of: scalar).map { Jamo.scalar(Jamo.tailBase + 1 + UInt32($0)) }
    }

    /// The compatibility letter for a conjoining jamo (U+1100 → ㄱ, U+1161 → ㅏ, U+11AB → ㄴ), for display.
    public static func letter(for jamo: Unicode.Scalar) -> Unicode.Scalar? {
        if Jamo.isLead(jamo) { return leads[Int(jamo.value - Jamo.leadBase)] }
        if Jamo.isVowel(jamo) { return Jamo.scalar(firstVowel + jamo.value - Jamo.vowelBase) }
        if Jamo.isTail(jamo) { return tails[Int(jamo.value - Jamo.tailBase - 1)] }
        return nil
    }

    /// Spells every syllable of `text` as compatibility letters ("한글" → "ㅎㅏㄴㄱㅡㄹ").
    public static func spell(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in Jamo.decompose(text).unicodeScalars {
            output.append(letter(for: scalar) ?? scalar)
        }
        return String(output)
    }

    /// Composes runs of compatibility jamo into syllables: consonant + vowel, plus a following consonant
    /// as the tail unless that consonant starts the next syllable ("ㅎㅏㄴㄱㅡㄹ" → "한글").
    /// Consonant clusters and compound vowels are not built from two letters; letters that form no
    /// syllable (ㅋㅋ, ㅠㅠ, ㅇㅋ) stay as they are.
    public static func compose(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let current = scalars[index]
            guard index + 1 < scalars.count, let lead = lead(for: current), let vowel = vowel(for: scalars[index + 1])
            else {
                output.append(current)
                index += 1
                continue
            }
            var parts = Jamo.Parts(lead: lead, vowel: vowel)
            index += 2
            if index < scalars.count, let tail = tail(for: scalars[index]) {
                let startsNextSyllable =
                    index + 1 < scalars.count && self.lead(for: scalars[index]) != nil
                    && isVowel(scalars[index + 1])
                if !startsNextSyllable {
                    parts.tail = tail
                    index += 1
                }
            }
            output.append(Jamo.compose(parts) ?? current)
        }
        return String(output)
    }
}
