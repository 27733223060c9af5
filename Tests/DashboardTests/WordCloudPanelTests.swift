import Foundation
import Reviews
import Testing

@testable import Report

/// The dashboard's review word clouds.
struct WordCloudPanelTests {
    /// 40 words weighing 0.98–3.93 (the spread the reviews stage wrote for the demo) are drawn at sizes that follow
    /// their weights, not one capped size, and most of them fit the panel.
    @Test func sizedByWeightAndMostFit() throws {
        let words = (0..<40).map {
            WeightedWord(word: "단어\($0)", weight: 3.93 - 2.95 * Double($0) / 39, count: 40 - $0)
        }
        let svg = WordCloud(id: "c", label: "긍정 단어", words: words, tone: .positive).svg()
        let sizes = try Regex(#"class="word"[^>]* font-size="([0-9.]+)""#)
        let drawn = svg.matches(of: sizes).compactMap { Double(String($0.output[1].substring ?? "")) }
        #expect(drawn.count >= 36, "\(drawn.count) of 40 words drawn")
        let largest = try #require(drawn.max()), smallest = try #require(drawn.min())
        #expect(largest == WordCloud.layout.maxFontSize)
        #expect(largest / smallest > 1.4)
        #expect(svg.contains("id=\"c\"") && svg.contains("data-tip=\"단어0: 40\""))
    }
}
