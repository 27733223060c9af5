import Foundation

/// The one text normalisation of reviews, shared by ingest, topics, word clouds and the sentiment model
/// (the model was trained on exactly this form; `Training/sentiment/featurize.py` is its Python twin).
///
/// NFC; ASCII A–Z lower-cased; control characters and Unicode White_Space become a space; runs of spaces
/// become one; ends trimmed; any scalar repeated more than twice in a row is kept twice
/// (ㅋㅋㅋㅋ → ㅋㅋ, ㅠㅠㅠ → ㅠㅠ, !!!! → !!).
public enum ReviewText {
    /// Returns the normalised form of `text`.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var runScalar: Unicode.Scalar?
        var runLength = 0
        var lastIsSpace = true  // suppresses leading spaces
        for original in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            var scalar = original
            if isSpaceLike(scalar.value) {
                scalar = " "
            } else if (0x41...0x5A).contains(scalar.value) {
                scalar = Unicode.Scalar(scalar.value + 0x20)!
            }
            if scalar == " " {
                if lastIsSpace { continue }
            }
            if scalar == runScalar {
                runLength += 1
                if runLength > 2 { continue }
            } else {
                runScalar = scalar
                runLength = 1
            }
            out.append(scalar)
            lastIsSpace = scalar == " "
        }
        if lastIsSpace, !out.isEmpty { out.removeLast() }
        return String(out)
    }

    /// Control characters and the Unicode White_Space scalars (the same set as the Python recipe).
    static func isSpaceLike(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x21, 0x7F..<0xA1, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
