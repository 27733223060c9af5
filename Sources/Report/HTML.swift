/// Escaping of text placed into HTML and SVG, so user-supplied strings (keywords, reviews, file names)
/// can never become markup.
public enum HTML {
    /// `text` with `& < > " '` replaced by character references; safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
