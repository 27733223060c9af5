import Testing

@testable import Reviews

/// Word-cloud words, layout and SVG.
struct WordCloudTests {
    /// 40 words with Zipf-like weights (as word frequencies are), a third of them Latin.
    private let words = (0..<40).map {
        WeightedWord(word: $0 % 3 == 0 ? "word\($0)" : "단어\($0)", weight: 120 / Double($0 + 1), count: 1)
    }

    /// No two placed words overlap and every word lies inside the canvas.
    @Test func noOverlaps() {
        let layout = WordCloudLayout()
        let placed = layout.layout(words)
        #expect(placed.count == words.count)
        for (i, a) in placed.enumerated() {
            #expect(a.x - a.width / 2 >= 0 && a.x + a.width / 2 <= layout.width)
            #expect(a.y - a.height / 2 >= 0 && a.y + a.height / 2 <= layout.height)
            for b in placed[(i + 1)...] { #expect(!a.overlaps(b), "\(a.word) overlaps \(b.word)") }
        }
    }

    /// The same words, in any order, give the same SVG bytes; the heaviest word is the largest, at the centre.
    @Test func deterministic() {
        let layout = WordCloudLayout()
        let first = WordCloudSVG.render(layout.layout(words), layout: layout, tone: .positive, title: "t")
        let second = WordCloudSVG.render(layout.layout(words.reversed()), layout: layout, tone: .positive, title: "t")
        #expect(first == second)
        let placed = layout.layout(words)
        #expect(placed.first?.word == "word0" && placed.first?.fontSize == layout.maxFontSize)
        #expect(placed.first?.x == layout.width / 2)
    }

    /// Hangul is estimated a full em wide, Latin 0.6 em.
    @Test func textWidths() {
        #expect(WordCloudLayout.textWidth("배송", fontSize: 10) == 20)
        #expect(WordCloudLayout.textWidth("ok", fontSize: 10) == 12)
    }

    /// Markup in words is escaped; the SVG names the Korean font.
    @Test func escapesText() {
        let layout = WordCloudLayout()
        let svg = WordCloudSVG.render(
            layout.layout([WeightedWord(word: "<b>&\"'", weight: 1, count: 1)]), layout: layout,
            tone: .negative, title: "a<b")
        #expect(svg.contains(">&lt;b&gt;&amp;&quot;&apos;</text>"))
        #expect(svg.contains("<title>a&lt;b</title>"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("font-family=\"NanumGothic, &apos;Nanum Gothic&apos;, sans-serif\""))
    }

    /// Content words drop particles, stop words, numbers and emoticons, and bring predicates to one lemma.
    @Test func contentWords() {
        let content = ContentWords(topics: .commerceDefaults)
        #expect(content.words(of: "배송이 너무 빨라요 123 ㅋㅋ 맛은 최고") == ["배송", "빨라요", "맛", "최고"])
        #expect(content.words(of: "편해요 편하고 편한 편했어요") == ["편하다", "편하다", "편하다", "편하다"])
        #expect(content.words(of: "좋아요 좋고 늦었어요 광고 했어요") == ["좋다", "좋다", "늦다", "광고"])
    }

    /// A sentence feeds only the cloud of its polarity, weighted by its confidence; unclear sentences and
    /// sentences the review's stars contradict feed neither.
    @Test func wordsGoToTheirSentencesPolarity() throws {
        let plain = Clause(text: "칼이 잘 들어요", isConcessive: false, isNegated: false)
        #expect(SentencePolarity.of(plain, probability: 0.9, rating: nil) == .positive)
        #expect(SentencePolarity.of(plain, probability: 0.5, rating: nil) == nil)
        #expect(SentencePolarity.of(plain, probability: 0.9, rating: 3) == nil)
        #expect(SentencePolarity.of(plain, probability: 0.1, rating: 5) == nil)
        #expect(SentencePolarity.of(plain, probability: 0.8, rating: 1) == .negative)
        #expect(SentencePolarity.of(plain, probability: 0.95, rating: 1) == nil)
        let concession = Clause.split("배송은 늦었지만 칼은 정말 좋아요")
        #expect(concession.map(\.text) == ["배송은 늦었지만", "칼은 정말 좋아요"])
        #expect(SentencePolarity.of(concession[0], probability: 0.99, rating: 5) == .negative)
        #expect(SentencePolarity.of(concession[1], probability: 0.99, rating: 5) == .positive)
        let negated = try #require(Clause.split("다만 보풀도 안 생겨요").first)
        #expect(negated.isConcessive && negated.isNegated)
        #expect(SentencePolarity.of(negated, probability: 0.99, rating: 1) == nil)
        var counter = WordCloudCounter()
        counter.add(words: ["배송", "최고"], probability: 0.75, polarity: .positive)
        counter.add(words: ["배송", "별로"], probability: 0.25, polarity: .negative)
        counter.add(words: ["최고"], probability: 0.875, polarity: .positive)
        counter.add(words: ["보풀"], probability: 0.9, polarity: nil)
        let cloud = counter.words(productID: "P", limit: 10)
        #expect(
            cloud.positive == [
                WeightedWord(word: "최고", weight: 1.25, count: 2),
                WeightedWord(word: "배송", weight: 0.5, count: 1),
            ])
        #expect(
            cloud.negative == [
                WeightedWord(word: "배송", weight: 0.5, count: 1),
                WeightedWord(word: "별로", weight: 0.5, count: 1),
            ])
    }

    /// Product ids become file names only when short and plainly safe; any other id gets a bounded, safe,
    /// distinct name.
    @Test func fileNames() {
        #expect(WordCloudSVG.fileName(product: "P003", tone: .positive) == "P003.positive.svg")
        let odd = ["../../etc/passwd", String(repeating: "상품", count: 150), "a b", "a_b/", ".hidden", "", "a\u{0}b"]
        let names = odd.map { WordCloudSVG.fileName(product: $0, tone: .negative) }
        for (id, name) in zip(odd, names) {
            #expect(!name.contains("/") && !name.hasPrefix(".") && name.utf8.count <= 64, "\(id) → \(name)")
            #expect(
                name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }, "\(id) → \(name)")
        }
        #expect(Set(names + [WordCloudSVG.fileName(product: "a_b", tone: .negative)]).count == odd.count + 1)
    }
}
