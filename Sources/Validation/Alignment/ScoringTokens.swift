/// How normalised text is cut into the tokens that error rates count.
public enum ScoringTokens {
    /// Characters for CER: the Unicode scalars of the text with all whitespace removed.
    /// After NFC a Hangul syllable is one scalar, so Korean is scored by syllables.
    public static func characters(of text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { !$0.properties.isWhitespace }
    }

    /// Words for WER: eojeol, the whitespace-separated runs of the text.
    public static func words(of text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace)
    }
}
