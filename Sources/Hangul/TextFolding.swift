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
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
