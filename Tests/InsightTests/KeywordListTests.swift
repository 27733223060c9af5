import Testing
@testable import Insight

/// Reading keyword lists.
struct KeywordListTests {
    /// Keywords, topics and |-separated variants are read; duplicates merge their variants.
    @Test func readsTheFormat() throws {
        let path = try Scratch.file("k.csv", "keyword,topic,variants\n# comment\n할인,가격/할인,세일|특가\n무료 배송,배송,무배\n\n할인,가격/할인,디씨\n")
        let list = try KeywordList.load(path: path)
        #expect(list.keywords.map(\.text) == ["할인", "무료 배송"])
        #expect(list.keywords[0].variants == ["세일", "특가", "디씨"])
        #expect(list.topics == ["가격/할인", "배송"])
    }

    /// An empty list, a missing column and an empty keyword are errors naming the file (and line).
    @Test func rejectsBadLists() throws {
        let empty = try Scratch.file("empty.csv", "keyword,topic\n")
        #expect(throws: InsightError.emptyKeywordList(path: empty)) { try KeywordList.load(path: empty) }
        let noColumn = try Scratch.file("nocol.csv", "word,topic\n할인,가격\n")
        #expect(throws: InsightError.self) { try KeywordList.load(path: noColumn) }
        let blank = try Scratch.file("blank.csv", "keyword,topic\n할인,가격\n ,배송\n")
        #expect(throws: InsightError.badRow(path: blank, line: 3, detail: "empty keyword")) { try KeywordList.load(path: blank) }
    }
}
