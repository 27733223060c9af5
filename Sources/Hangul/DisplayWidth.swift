/// How many terminal columns text takes, for lining up Korean text in fixed-width output: the one width
/// rule of the terminal tables and the workbooks' column widths.
public enum DisplayWidth {
    /// Code-point ranges shown two columns wide: Hangul, CJK, full-width forms, common emoji blocks.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// Columns taken by one scalar: 0 for combining marks and conjoining vowels/tails, 2 for East Asian
    /// wide and full-width characters (Hangul syllables and jamo, CJK, full-width forms, most emoji),
    /// 1 otherwise. This is a practical subset of Unicode's East Asian Width, not the full table.
    public static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// Columns taken by `text`.
    public static func columns(of text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
    }

    /// Which side of the text the padding goes.
    public enum Alignment: Sendable {
        case left, right
    }

    /// `text` with spaces up to `width` columns, after it (`.left`) or before it (`.right`); unchanged when
    /// already as wide.
    public static func padded(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let fill = String(repeating: " ", count: max(0, width - columns(of: text)))
        return alignment == .left ? text + fill : fill + text
    }
}
