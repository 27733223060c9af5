import Reviews

/// A review word cloud on the dashboard and in reports: the digest's words laid out and drawn by the one
/// word-cloud implementation (`Reviews.WordCloudLayout`, `Reviews.WordCloudSVG`), on a canvas sized for a
/// half-width panel.
struct WordCloud {
    /// Element id.
    var id: String
    /// What screen readers hear.
    var label: String
    /// The words, any order; a word without a weight weighs its count.
    var words: [ReviewDigest.Word]
    /// Greens or reds.
    var tone: WordCloudSVG.Tone

    /// Room for 39 of 40 words of the demo's weight spread (0.98–3.93) at 10–28 px (`WordCloudPanelTests`).
    static let layout = WordCloudLayout(width: 460, height: 300, minFontSize: 10, maxFontSize: 28)

    /// The cloud as inline SVG.
    func svg() -> String {
        let weighted = words.map { WeightedWord(word: $0.word, weight: $0.weight ?? Double($0.count), count: $0.count) }
        return WordCloudSVG.render(Self.layout.layout(weighted), layout: Self.layout, tone: tone, title: label, id: id)
    }
}
