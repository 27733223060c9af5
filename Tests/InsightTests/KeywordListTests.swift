import Testing

@testable import Insight

/// Reading keyword lists.
struct KeywordListTests {
    /// Keywords, topics and |-separated variants are read; duplicates merge their variants.
    @Test func readsTheFormat() throws {
        let path = try Scratch.file(
            "k.csv", "keyword,topic,variants\n# comment\n할인,가격/할인,세일|특가\n무료 배송,배송,무배\n\n할인,가격/할인,디씨\n")
        let list = try KeywordList.load(path: path)
        #expect(list.keywords.map(\.text) == ["할인", "무료 배송"])
        #expect(list.keywords[0].variants == ["세일", "특가", "디씨"])
        #expect(list.topics == ["가격/할인", "배송"])
    }

    /// Hotwords from a keyword list are every spelling `run` spots (variants and spoken forms); a plain list
    /// without a header gives one keyword per line, its first CSV field, comments and blank lines skipped.
    @Test func hotwordsFromKeywordListsAndPlainLists() throws {
        let list = try Scratch.file("hot.csv", "keyword,topic,variants\n할인,가격,세일|특가\n1+1,행사,\n")
        let hotwords = try KeywordList.hotwords(path: list)
        #expect(hotwords.prefix(4) == ["할인", "세일", "특가", "1+1"])
        #expect(hotwords.count == 5 && !hotwords[4].contains("1"), "the spoken form of 1+1: \(hotwords)")
        #expect(try KeywordList.hotwords(path: list) == KeywordList.load(path: list).keywords.flatMap(\.spellings))
        let plain = try Scratch.file("hot.txt", "할인\n# comment\n\n무료 배송,배송\n")
        #expect(try KeywordList.hotwords(path: plain) == ["할인", "무료 배송"])
        let empty = try Scratch.file("hot-empty.txt", "# nothing\n\n")
        #expect(throws: InsightError.emptyKeywordList(path: empty)) { try KeywordList.hotwords(path: empty) }
    }

    /// An empty list, a missing column and an empty keyword are errors naming the file (and line).
    @Test func rejectsBadLists() throws {
        let empty = try Scratch.file("empty.csv", "keyword,topic\n")
        #expect(throws: InsightError.emptyKeywordList(path: empty)) { try KeywordList.load(path: empty) }
        let noColumn = try Scratch.file("nocol.csv", "word,topic\n할인,가격\n")
        #expect(throws: InsightError.self) { try KeywordList.load(path: noColumn) }
        let blank = try Scratch.file("blank.csv", "keyword,topic\n할인,가격\n ,배송\n")
        #expect(throws: InsightError.badRow(path: blank, line: 3, detail: "empty keyword")) {
            try KeywordList.load(path: blank)
        }
    }

    /// Past the documented limits (variants per keyword, spellings per list) a list is refused naming the line.
    @Test func refusesListsPastTheLimits() throws {
        let many = (0...KeywordList.maxVariantsPerKeyword).map { "변형\($0)" }.joined(separator: "|")
        let wide = try Scratch.file("wide.csv", "keyword,topic,variants\n할인,가격,세일\n배송,배송,\(many)\n")
        #expect(
            throws: InsightError.badRow(
                path: wide, line: 3,
                detail: "'배송' has \(KeywordList.maxVariantsPerKeyword + 1) variants; "
                    + "at most \(KeywordList.maxVariantsPerKeyword) per keyword (split it into keywords of one topic)")
        ) {
            try KeywordList.load(path: wide)
        }
        let rows = (0..<(KeywordList.maxSpellings / 500 + 1)).map { row in
            "키워드\(row),주제," + (0..<499).map { "변형\(row)-\($0)" }.joined(separator: "|")
        }
        let long = try Scratch.file("long.csv", "keyword,topic,variants\n" + rows.joined(separator: "\n") + "\n")
        #expect(
            throws: InsightError.badRow(
                path: long, line: KeywordList.maxSpellings / 500 + 2,
                detail: "the list reaches \(KeywordList.maxSpellings + 500) keywords and variants; "
                    + "at most \(KeywordList.maxSpellings) per list")
        ) {
            try KeywordList.load(path: long)
        }
        let limit = (1..<KeywordList.maxVariantsPerKeyword).map { "변형\($0)" }.joined(separator: "|")
        let atLimit = try Scratch.file("limit.csv", "keyword,topic,variants\n할인,가격,\(limit)|변형1\n")
        #expect(try KeywordList.load(path: atLimit).keywords[0].variants.count == KeywordList.maxVariantsPerKeyword - 1)
    }
}
