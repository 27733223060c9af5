import Foundation

/// The one text normalisation of reviews, shared by ingest, topics, word clouds and the sentiment model
/// (the model was trained on exactly this form;
/// `Training/liveinsight_train/sentiment/featurize.py` is its Python twin).
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
        let composed = isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        for original in composed.unicodeScalars {
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

    /// True when every scalar lies in a block that NFC leaves alone and that composes with nothing
    /// (Latin-1, Hangul syllables and compatibility jamo, punctuation, CJK symbols, full-width forms,
    /// emoji): then Foundation's normaliser, the costliest step, can be skipped. Conjoining jamo and
    /// combining marks fall outside these blocks and take the full path.
    static func isSurelyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x2000...0x206F, 0x20A0...0x20BF, 0x2190...0x21FF, 0x2460...0x27BF, 0x3000...0x303F,
                0x3130...0x318F, 0xAC00...0xD7A3, 0xFF01...0xFFEF, 0x1F300...0x1FAFF:
                true
            default: false
            }
        }
    }

    /// Control characters and the Unicode White_Space scalars (the same set as the Python recipe).
    static func isSpaceLike(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x21, 0x7F..<0xA1, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
