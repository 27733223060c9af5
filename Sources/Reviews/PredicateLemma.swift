/// The dictionary form of common Korean predicates in reviews, so that 편해요, 편하고, 편해서 and 편했어요 are
/// one word-cloud word, 편하다. Dictionary-free and deliberately narrow: a 하다 predicate with one of its
/// frequent endings, or a stem ending in a final consonant followed by a regular ending (좋아요, 좋고, 늦었어요
/// → 좋다, 늦다). Irregular and contracted forms (예뻐요, 따가운) are left as written, and nouns are left to
/// `ParticleStripper`.
public enum PredicateLemma {
    /// Endings of 하다 predicates (편-해요).
    static let haEndings = [
        "했습니다", "했는데", "했어요", "하네요", "합니다", "하지만", "했고", "하고", "해서", "해요",
        "하게", "하며", "했다", "하다", "한",
    ].map { Array($0.unicodeScalars) }
    /// Regular endings after a stem whose last syllable has a final consonant (좋-아요).
    static let regularEndings = [
        "았는데", "었는데", "았어요", "었어요", "습니다", "아요", "어요", "아서", "어서", "네요",
        "지만", "고",
    ].map { Array($0.unicodeScalars) }
    /// Nouns that look like a consonant-final stem + 고.
    static let nounsEndingInGo: Set<String> = ["광고", "창고", "신고", "참고", "경고", "공고", "반고"]

    /// The lemma of `word` (trimmed, NFC), or nil when it is not a predicate form this recognises.
    public static func lemma(_ word: ArraySlice<Unicode.Scalar>) -> String? {
        let scalars = Array(word)
        for ending in haEndings where ends(scalars, with: ending) {
            return string(scalars.dropLast(ending.count)) + "하다"
        }
        guard !nounsEndingInGo.contains(string(scalars[...])) else { return nil }
        for ending in regularEndings where ends(scalars, with: ending) {
            let stem = scalars.dropLast(ending.count)
            guard let last = stem.last, hasFinalConsonant(last) else { continue }
            return string(stem) + "다"
        }
        return nil
    }

    /// Whether `word` is longer than `ending` and ends with it.
    static func ends(_ word: [Unicode.Scalar], with ending: [Unicode.Scalar]) -> Bool {
        word.count > ending.count && word.suffix(ending.count).elementsEqual(ending)
    }

    /// Whether a Hangul syllable ends in a final consonant (batchim).
    static func hasFinalConsonant(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value) && (scalar.value - 0xAC00) % 28 != 0
    }

    private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
