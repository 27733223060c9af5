import Markup

/// Words sized by weight (else frequency) relative to the heaviest, packed in rows (centred), as SVG. Widths are estimated: a Hangul syllable
/// is one em wide, other characters about 0.6 em.
struct WordCloud {
    var id: String
    var label: String
    var words: [ReviewDigest.Word]
    var color: String

    func svg(width: Double = 420, height: Double = 220) -> String {
        var svg = "<svg class=\"chart cloud\" id=\"\(id)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(MarkupText.escape(label))\">"
        // Heaviest first; sizes relative to the heaviest shown word (weights are not bounded by 1: the reviews
        // stage writes scores such as 0.98–3.93), so the spread of weights is the spread of sizes.
        let weighted = words.map { ($0, $0.weight ?? Double($0.count)) }.sorted { $0.1 > $1.1 }
        let top = weighted.prefix(40).map(\.0)
        let maxWeight = max(weighted.first?.1 ?? 1, 1e-9)
        var rows: [[(word: ReviewDigest.Word, size: Double, width: Double)]] = [[]]
        var rowWidth = 0.0
        for word in top {
            let weight = (word.weight ?? Double(word.count)) / maxWeight
            let size = 11 + 23 * min(max(weight, 0), 1)
            let wordWidth = Self.estimatedWidth(word.word, size: size) + 12
            if rowWidth + wordWidth > width - 16, !rows[rows.count - 1].isEmpty { rows.append([]); rowWidth = 0 }
            rows[rows.count - 1].append((word, size, wordWidth))
            rowWidth += wordWidth
        }
        var y = 8.0
        for row in rows where !row.isEmpty {
            let rowHeight = (row.map(\.size).max() ?? 12) * 1.25
            guard y + rowHeight <= height else { break }
            var x = (width - row.map(\.width).reduce(0, +)) / 2
            for item in row {
                let opacity = 0.55 + 0.45 * item.size / 34
                svg += "<text class=\"word\" x=\"\(Format.px(x + item.width / 2))\" y=\"\(Format.px(y + rowHeight * 0.8))\" text-anchor=\"middle\""
                    + " font-size=\"\(Format.px(item.size))\" fill=\"\(color)\" fill-opacity=\"\(Format.decimal(opacity, 2))\""
                    + " data-tip=\"\(MarkupText.escape(item.word.word)): \(item.word.count)\">\(MarkupText.escape(item.word.word))</text>"
                x += item.width
            }
            y += rowHeight
        }
        if top.isEmpty { svg += "<text class=\"empty\" x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\">–</text>" }
        return svg + "</svg>"
    }

    static func estimatedWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0xAC00 && $1.value <= 0xD7A3) || $1.value >= 0x3000 ? size : size * 0.6) }
    }
}
