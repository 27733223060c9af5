/// Character-level folds used before comparing texts.
public enum TextFolding {
    /// The first full-width ASCII form, ！ (U+FF01); U+FF01…U+FF5E map to U+0021…U+007E.
    static let fullWidthStart: UInt32 = 0xFF01
    /// The last full-width ASCII form, ～ (U+FF5E).
    static let fullWidthEnd: UInt32 = 0xFF5E
    /// The distance from a full-width form to its ASCII letter.
    static let fullWidthOffset: UInt32 = 0xFEE0

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
