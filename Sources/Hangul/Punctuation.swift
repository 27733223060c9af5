/// Removal of punctuation and symbols before comparing texts.
///
/// Every scalar whose Unicode general category is punctuation (P*: `.,!?'"()「」、。…·` and their
/// full-width forms) or symbol (S*: `~^+=<>|★♥` and emoji) becomes a space, so words on either side
/// stay separate ("좋아요!정말" → "좋아요 정말"). Kept, because they carry meaning in prices:
/// `%`, currency signs (₩ $ € …), and a `.` between two digits ("3.5"). A `,` between two digits is
/// dropped ("39,000" → "39000").
public enum Punctuation {
    /// Whether `scalar` is punctuation or a symbol in the sense above (before the numeric exceptions).
    public static func isPunctuationOrSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `text` with punctuation and symbols replaced as described on ``Punctuation``.
    public static func remove(from text: String) -> String {
        guard text.unicodeScalars.contains(where: { !Jamo.isSyllable($0) && isPunctuationOrSymbol($0) }) else {
            return text
        }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            guard isPunctuationOrSymbol(scalar) else {
                output.append(scalar)
                continue
            }
            let betweenDigits =
                index > 0 && index + 1 < scalars.count
                && isASCIIDigit(scalars[index - 1]) && isASCIIDigit(scalars[index + 1])
            if scalar == "%" || scalar.properties.generalCategory == .currencySymbol || (scalar == "." && betweenDigits)
            {
                output.append(scalar)
            } else if !(scalar == "," && betweenDigits) {
                output.append(" ")
            }
        }
        return String(output)
    }

    /// Whether `scalar` is 0–9.
    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }
}
