import Foundation

/// Unicode normalisation helpers.
public enum UnicodeNormalization {
    /// `text` in Normalization Form C (canonical composition): conjoining jamo become syllables
    /// ("\u{1112}\u{1161}\u{11AB}" → "한") and combining accents join their letters ("e\u{301}" → "é").
    /// Text made only of scalars below U+0300 and precomposed syllables is already NFC and returned as is.
    public static func nfc(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value < 0x300 || Jamo.isSyllable($0) }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// `text` in Normalization Form D (canonical decomposition): syllables become conjoining jamo.
    public static func nfd(_ text: String) -> String {
        text.decomposedStringWithCanonicalMapping
    }
}
