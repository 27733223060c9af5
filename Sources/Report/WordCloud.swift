import Reviews

/// A review word cloud on the dashboard and in reports: the digest's words laid out and drawn by the one
/// word-cloud implementation (`Reviews.WordCloudLayout`, `Reviews.WordCloudSVG`), on a canvas sized for a
/// half-width panel.
struct WordCloud {
    /// Element id.
    var id: String
    /// What screen readers hear.
    var label: String
    /// The words, any order.
    var words: [WeightedWord]
    /// Greens or reds.
    var tone: WordCloudSVG.Tone

    /// Room for 39 of 40 words of the demo's weight spread (0.98–3.93) at 10–28 px (`WordCloudPanelTests`).
    static let layout = WordCloudLayout(width: 460, height: 300, minFontSize: 10, maxFontSize: 28)

    /// The cloud as inline SVG.
    func svg() -> String {
        WordCloudSVG.render(Self.layout.layout(words), layout: Self.layout, tone: tone, title: label, id: id)
    }
}
