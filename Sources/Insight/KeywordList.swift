import Foundation
import Hangul

/// A keyword the analysts track, with its topic and alternative spellings.
public struct Keyword: Codable, Sendable, Hashable {
    /// The keyword as analysts write it (e.g. "무료 배송").
    public var text: String
    /// Its topic (e.g. "배송").
    public var topic: String
    /// Other spellings that count as the same keyword (e.g. "무배").
    public var variants: [String]

    public init(text: String, topic: String, variants: [String] = []) {
        (self.text, self.topic, self.variants) = (text, topic, variants)
    }

    /// The keyword and its variants, each also in spoken form when it holds digits (the transcript
    /// and the model spell numbers as spoken: "1+1" is also matched as "일 플러스 일").
    public var spellings: [String] {
        let written = [text] + variants
        let spoken = written.map { NumberVerbalizer().spokenForm(of: $0) }
        return (written + spoken).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }
}

/// The analysts' keyword list.
///
/// File format (CSV, UTF-8, header required): `keyword,topic[,variants]`; variants are separated by
/// `|`. Blank lines and lines starting with `#` are ignored. A keyword listed twice keeps its first
/// topic and merges the variants. Example:
///
///     keyword,topic,variants
///     할인,가격/할인,세일|특가
///     무료 배송,배송,무배
public struct KeywordList: Codable, Sendable, Equatable {
    public var keywords: [Keyword]

    public init(keywords: [Keyword]) { self.keywords = keywords }

    /// Topics in order of first appearance.
    public var topics: [String] {
        var seen = Set<String>()
        return keywords.map(\.topic).filter { seen.insert($0).inserted }
    }

    /// Reads and checks a keyword list file.
    public static func load(path: String) throws(InsightError) -> KeywordList {
        let table = try CSVTable(path: path)
        guard let keywordColumn = table.column("keyword", "키워드") else {
            throw .missingColumn(path: path, column: "keyword", expected: "keyword,topic,variants")
        }
        let topicColumn = table.column("topic", "토픽", "주제")
        let variantsColumn = table.column("variants", "변형")
        var keywords: [Keyword] = []
        var index: [String: Int] = [:]
        for row in table.rows {
            func field(_ column: Int?) -> String {
                guard let column, column < row.fields.count else { return "" }
                return row.fields[column].trimmingCharacters(in: .whitespaces)
            }
            let text = field(keywordColumn).precomposedStringWithCanonicalMapping
            guard !text.isEmpty else { throw .badRow(path: path, line: row.line, detail: "empty keyword") }
            let topic = field(topicColumn).isEmpty ? "기타" : field(topicColumn)
            let variants = field(variantsColumn).split(separator: "|")
                .map { $0.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping }.filter { !$0.isEmpty }
            if let existing = index[text] {
                keywords[existing].variants += variants.filter { !keywords[existing].variants.contains($0) }
            } else {
                index[text] = keywords.count
                keywords.append(Keyword(text: text, topic: topic, variants: variants))
            }
        }
        guard !keywords.isEmpty else { throw .emptyKeywordList(path: path) }
        return KeywordList(keywords: keywords)
    }
}
