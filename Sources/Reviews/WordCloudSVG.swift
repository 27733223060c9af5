import ContentHash
import Foundation
import Markup

/// Renders placed words as a standalone SVG (UTF-8) in NanumGothic, greens for a positive cloud and
/// reds for a negative one, darker for heavier words. Same input, same bytes.
public enum WordCloudSVG {
    /// Which palette to use.
    public enum Tone: String, Sendable {
        /// Greens.
        case positive
        /// Reds.
        case negative
    }

    static let fontFamily = "NanumGothic, 'Nanum Gothic', sans-serif"
    static let palettes: [Tone: [String]] = [
        .positive: ["#1b7f3b", "#2e9e50", "#4cb26a", "#78c58c"],
        .negative: ["#b3261e", "#d04437", "#e0665a", "#eb9189"],
    ]

    /// The file name of a product's cloud: `<product>.<tone>.svg` when the id is short (≤ 64 bytes) and
    /// made only of ASCII letters, digits, '-', '_' and '.' (not leading); otherwise its first 32 such
    /// characters (others as '_') and 12 hex digits of the id's SHA-256, `<prefix>-<hash>.<tone>.svg`. So
    /// an id never becomes a raw file name: no path separators, no hidden or over-long names, and two ids
    /// never share a name.
    public static func fileName(product: String, tone: Tone) -> String {
        let safe = String(
            product.unicodeScalars.map { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "-_.".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        if safe == product, !product.isEmpty, !product.hasPrefix("."), product.utf8.count <= 64 {
            return "\(product).\(tone.rawValue).svg"
        }
        let hash = SHA256.hex(of: Array(product.utf8)).prefix(12)
        let prefix = String(safe.prefix(32)).replacingOccurrences(of: ".", with: "_")
        return "\(prefix)-\(hash).\(tone.rawValue).svg"
    }

    /// The SVG document for `words` laid out on `layout`'s canvas; `title` is shown to screen readers, and each
    /// word's tooltip (`data-tip`) gives its count. The same markup stands alone as a file or sits inline in the
    /// dashboard and reports (then `id` names the element).
    public static func render(
        _ words: [PlacedWord], layout: WordCloudLayout, tone: Tone, title: String,
        id: String? = nil
    ) -> String {
        let palette = palettes[tone] ?? ["#333333"]
        let idAttribute = id.map { " id=\"\(MarkupText.escape($0, apostrophe: .named))\"" } ?? ""
        let label = MarkupText.escape(title, apostrophe: .named)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg"\(idAttribute) class="chart cloud" \
            width="\(number(layout.width))" height="\(number(layout.height))" \
            viewBox="0 0 \(number(layout.width)) \(number(layout.height))" role="img" aria-label="\(label)">
            <title>\(label)</title>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <g font-family="\(MarkupText.escape(fontFamily, apostrophe: .named))" text-anchor="middle"\
             dominant-baseline="central">

            """
        for word in words {
            let colour = palette[min(palette.count - 1, word.rank * palette.count / max(words.count, 1))]
            let text = MarkupText.escape(word.word, apostrophe: .named)
            svg +=
                "<text class=\"word\" x=\"\(number(word.x))\" y=\"\(number(word.y))\" "
                + "font-size=\"\(number(word.fontSize))\" fill=\"\(colour)\" "
                + "data-tip=\"\(text): \(word.count)\">\(text)</text>\n"
        }
        if words.isEmpty {
            let (x, y) = (number(layout.width / 2), number(layout.height / 2))
            svg += "<text class=\"empty\" x=\"\(x)\" y=\"\(y)\">–</text>\n"
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// Fixed one-decimal formatting, so output does not depend on locale or float printing.
    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
