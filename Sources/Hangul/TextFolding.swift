/// Character-level folds used before comparing texts.
public enum TextFolding {
    /// The first full-width ASCII form, ！ (U+FF01); U+FF01…U+FF5E map to U+0021…U+007E.
    static let fullWidthStart: UInt32 = 0xFF01
    /// The last full-width ASCII form, ～ (U+FF5E).
    static let fullWidthEnd: UInt32 = 0xFF5E
    /// The distance from a full-width form to its ASCII letter.
    static let fullWidthOffset: UInt32 = 0xFEE0

    /// Unicode NFKC compatibility folding, as far as it suits Korean text, and removal of invisible
    /// characters:
    /// - NFKC folds full-width forms ("ＳＡＬＥ３９" → "SALE39"), the ideographic space, circled and
    ///   parenthesised numbers ("①" → "1"), vulgar fractions ("½" → "1⁄2", read by ``NumberVerbalizer``),
    ///   ligatures ("ﬁ" → "fi") and unit squares ("㎏" → "kg");
    /// - scalar by scalar, so it composes nothing (composition is the NFC step's, which may be off);
    /// - except that Hangul jamo stay as they are: compatibility jamo (ㄱ, ㅋ, ㅠ: U+3131…U+318E; NFKC would
    ///   turn them into conjoining jamo, which ㅋㅋ-removal and jamo composition do not expect) and
    ///   conjoining jamo; half-width jamo (U+FFA0…U+FFDC) become compatibility jamo;
    /// - invisible characters are removed without a trace ("배\u{200B}송" → "배송"): format characters
    ///   (zero-width space and joiners, byte-order mark, bidirectional controls, soft hyphen, tags),
    ///   variation selectors, and control characters other than whitespace (NUL).
    public static func foldCompatibility(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ ($0.value >= 0x20 && $0.value < 0x7F) || Jamo.isSyllable($0) }) {
            return text
        }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) { continue }
            if let jamo = compatibilityJamo(forHalfWidth: scalar) {
                output.append(jamo)
            } else if scalar.value < 0xA0 || Jamo.isSyllable(scalar) || (0x1100...0x11FF).contains(scalar.value)
                || (0x3131...0x318E).contains(scalar.value) || scalar.value == 0x3164
            {
                output.append(scalar)
            } else {
                output.append(
                    contentsOf: String(scalar).decomposedStringWithCompatibilityMapping
                        .precomposedStringWithCanonicalMapping.unicodeScalars)
            }
        }
        return String(output)
    }

    /// Whether `scalar` is invisible in the sense of ``foldCompatibility(_:)``.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format: return true
        case .control: return !scalar.properties.isWhitespace
        default: return (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
        }
    }

    /// The compatibility jamo a half-width jamo stands for (U+FFA1 ﾡ → U+3131 ㄱ), or nil.
    static func compatibilityJamo(forHalfWidth scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        let mapped: UInt32? =
            switch value {
            case 0xFFA0: 0x3164  // filler
            case 0xFFA1...0xFFBE: value - 0xFFA1 + 0x3131  // consonants ㄱ…ㅎ
            case 0xFFC2...0xFFC7: value - 0xFFC2 + 0x314F  // ㅏ…ㅔ
            case 0xFFCA...0xFFCF: value - 0xFFCA + 0x3155  // ㅕ…ㅚ
            case 0xFFD2...0xFFD7: value - 0xFFD2 + 0x315B  // ㅛ…ㅠ
            case 0xFFDA...0xFFDC: value - 0xFFDA + 0x3161  // ㅡ…ㅣ
            default: nil
            }
        return mapped.flatMap(Unicode.Scalar.init)
    }

    /// Maps full-width ASCII forms to ASCII ("ＳＡＬＥ！" → "SALE!", "３９，０００" → "39,000")
    /// and the ideographic space U+3000 to a plain space. Other characters are unchanged.
    public static func foldWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x3000 }) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (fullWidthStart...fullWidthEnd).contains(scalar.value) {
                output.append(Unicode.Scalar(scalar.value - fullWidthOffset) ?? scalar)
            } else if scalar.value == 0x3000 {
                output.append(" ")
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Collapses every run of whitespace (any Unicode White_Space, including tabs, line breaks,
    /// no-break and ideographic spaces) to one space and trims both ends.
    public static func foldWhitespace(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether `scalar` has the Unicode White_Space property (U+0009–000D, U+0020, U+0085, U+00A0,
    /// U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000), without a property-table lookup.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `text` in lower case (Unicode full case mapping), skipping the work when nothing can change:
    /// text of ASCII without capitals and Hangul syllables.
    public static func foldCase(_ text: String) -> String {
        let unchanged = text.unicodeScalars.allSatisfy {
            ($0.isASCII && !(0x41...0x5A).contains($0.value)) || Jamo.isSyllable($0)
        }
        return unchanged ? text : text.lowercased()
    }
}
