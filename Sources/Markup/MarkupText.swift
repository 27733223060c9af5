/// Escaping of text placed into HTML, SVG and XML, so that user-supplied strings (keywords, reviews,
/// transcripts, file names) can never become markup. The package's one escaper: the dashboard, the
/// validation error view, the XLSX sheets and the word-cloud SVGs all use it.
public enum MarkupText {
    /// How `'` is written. Both are safe in element content and in attributes quoted either way.
    public enum Apostrophe: Sendable {
        /// `&#39;`: understood by every HTML version and every XML parser (the default).
        case numeric
        /// `&apos;`: XML's predefined entity (SVG, XML files; HTML5 knows it too, HTML 4 does not).
        case named
    }

    /// `text` with `& < > " '` replaced by character references, scalar by scalar (so a quote followed by a
    /// combining mark is escaped too). Safe in element content and in quoted attribute values.
    public static func escape(_ text: String, apostrophe: Apostrophe = .numeric) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += apostrophe == .numeric ? "&#39;" : "&apos;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
