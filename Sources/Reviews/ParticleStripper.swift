/// Strips Korean particles (josa) and the copula from the end of a word, so that 배송이, 배송은, 배송도,
/// 배송까지, 배송이에요 all become 배송. Review-specific and dictionary-free: the longest listed suffix is
/// removed when at least `minimumStem` syllables remain. Works on Unicode scalars of NFC text (fast, and
/// exact for normalised reviews). (A candidate to move into the `Hangul` target.)
public enum ParticleStripper {
    /// Particles and copula forms.
    static let suffixes: [String] = [
        "이었어요", "이었는데", "이라서", "이라도", "이에요", "이네요", "입니다", "이지만", "였어요", "에서는", "에서도", "에게는",
        "으로는", "으로도", "까지는", "부터는", "보다는", "이랑은", "하고는", "에서", "에게", "한테", "으로", "까지", "부터",
        "보다", "처럼", "만큼", "이랑", "하고", "이나", "이며", "이고", "이라", "에는", "에도", "로는", "로도", "와는",
        "과는", "은요", "는요", "예요", "이요", "이죠", "인데", "은", "는", "이", "가", "을", "를", "에", "로", "와", "과",
        "도", "만", "의", "랑", "나",
    ]
    /// The suffixes as scalar arrays, grouped by length, longest group first.
    static let suffixesByLength: [(length: Int, set: Set<[Unicode.Scalar]>)] = {
        let grouped = Dictionary(grouping: suffixes.map { Array($0.unicodeScalars) }, by: \.count)
        return grouped.keys.sorted(by: >).map { ($0, Set(grouped[$0] ?? [])) }
    }()

    /// Scalars trimmed from both ends before stripping (punctuation and emoticon jamo).
    static let trimmed: Set<Unicode.Scalar> = [
        ".", ",", "!", "?", "…", "~", ";", ":", "\"", "'", "(", ")", "[", "]", "^",
        "ㅋ", "ㅎ", "ㅠ", "ㅜ", "*", "-", "/", "·",
    ]

    /// The word without punctuation at its ends and without a final particle.
    public static func stem(_ word: some StringProtocol, minimumStem: Int = 1) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: stem(trimPunctuation(Array(word.unicodeScalars)), minimumStem: minimumStem))
        return String(scalars)
    }

    /// The word without punctuation or emoticon characters at its ends.
    public static func trimPunctuation(_ word: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: trimPunctuation(Array(word.unicodeScalars)))
        return String(scalars)
    }

    static func trimPunctuation(_ word: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var core = word
        while let first = core.first, trimmed.contains(first) { core.removeFirst() }
        while let last = core.last, trimmed.contains(last) { core.removeLast() }
        return core
    }

    static func trimPunctuation(_ word: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> { trimPunctuation(word[...]) }

    /// `word` (already trimmed) without its longest listed suffix, keeping `minimumStem` scalars.
    static func stem(_ word: ArraySlice<Unicode.Scalar>, minimumStem: Int = 1) -> ArraySlice<Unicode.Scalar> {
        for (length, set) in suffixesByLength where word.count - length >= minimumStem {
            if set.contains(Array(word.suffix(length))) { return word.dropLast(length) }
        }
        return word
    }
}
