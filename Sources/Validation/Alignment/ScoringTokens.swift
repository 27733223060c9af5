import Hangul

/// How normalised text is cut into the tokens that error rates count.
public enum ScoringTokens {
    /// Characters for CER: the Unicode scalars of the text with all whitespace removed.
    /// After NFC a Hangul syllable is one scalar, so Korean is scored by syllables.
    public static func characters(of text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { !TextFolding.isWhitespace($0) }
    }

    /// Words for WER: eojeol, the whitespace-separated runs of the text.
    public static func words(of text: String) -> [Substring] {
        text.unicodeScalars.split(whereSeparator: TextFolding.isWhitespace).map { Substring($0) }
    }

    /// Small integer ids for the words of both sides, equal ids for equal words, so the aligner compares
    /// integers instead of strings.
    static func wordIDs(_ reference: [Substring], _ hypothesis: [Substring]) -> (reference: [Int], hypothesis: [Int]) {
        var ids: [Substring: Int] = [:]
        ids.reserveCapacity(reference.count + hypothesis.count)
        func id(_ word: Substring) -> Int {
            if let known = ids[word] { return known }
            ids[word] = ids.count
            return ids.count - 1
        }
        return (reference.map(id), hypothesis.map(id))
    }
}
