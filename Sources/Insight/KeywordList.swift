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
        let verbalizer = NumberVerbalizer()
        var seen = Set<String>()
        return (written + written.map { verbalizer.spokenForm(of: $0) }).filter { seen.insert($0).inserted }
    }
}

/// The analysts' keyword list.
///
/// File format (CSV, UTF-8, header required): `keyword,topic[,variants]`; variants are separated by
/// `|`. Blank lines and lines starting with `#` are ignored. A keyword listed twice keeps its first
/// topic and merges the variants. Limits, so that a runaway export cannot stall a run or a watcher (the
/// keyword spotter's work grows with frames × spellings): ``maxVariantsPerKeyword`` variants per keyword
/// and ``maxSpellings`` spellings (keywords and variants) per list; beyond them the list is refused
/// naming the line. Example:
///
///     keyword,topic,variants
///     할인,가격/할인,세일|특가
///     무료 배송,배송,무배
public struct KeywordList: Codable, Sendable, Equatable {
    public var keywords: [Keyword]

    public init(keywords: [Keyword]) { self.keywords = keywords }

    /// Most variants one keyword may have.
    public static let maxVariantsPerKeyword = 1_000
    /// Most keywords and variants one list may hold together.
    public static let maxSpellings = 5_000

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
        return try KeywordList(table: table, keywordColumn: keywordColumn)
    }

    /// The spellings to favour in decoding (`Transcriber.Options.hotwords`), read from a keyword list as
    /// `load(path:)` reads it (variants and spoken forms included), or from a plain list without a header:
    /// one keyword per line (a CSV's first column), blank lines and `#` comments skipped.
    public static func hotwords(path: String) throws(InsightError) -> [String] {
        let table = try CSVTable(path: path)
        if let keywordColumn = table.column("keyword", "키워드") {
            return try KeywordList(table: table, keywordColumn: keywordColumn).keywords.flatMap(\.spellings)
        }
        let rows = (table.firstRow.map { [$0] } ?? []) + table.rows
        let keywords = rows.compactMap { row in
            row.fields.first.map { $0.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping }
        }.filter { !$0.isEmpty }
        guard !keywords.isEmpty else { throw .emptyKeywordList(path: path) }
        return keywords.flatMap { Keyword(text: $0, topic: "").spellings }
    }

    private init(table: CSVTable, keywordColumn: Int) throws(InsightError) {
        let path = table.path
        let topicColumn = table.column("topic", "토픽", "주제")
        let variantsColumn = table.column("variants", "변형")
        var keywords: [Keyword] = []
        var index: [String: Int] = [:]
        var known: [Set<String>] = []  // each keyword's variants, for merging without quadratic search
        var spellings = 0
        for row in table.rows {
            func field(_ column: Int?) -> String {
                guard let column, column < row.fields.count else { return "" }
                return row.fields[column].trimmingCharacters(in: .whitespaces)
            }
            let text = field(keywordColumn).precomposedStringWithCanonicalMapping
            guard !text.isEmpty else { throw .badRow(path: path, line: row.line, detail: "empty keyword") }
            let topic = field(topicColumn).isEmpty ? "기타" : field(topicColumn)
            let variants = field(variantsColumn).split(separator: "|")
                .map { $0.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping }.filter {
                    !$0.isEmpty
                }
            let position: Int
            if let existing = index[text] {
                position = existing
            } else {
                position = keywords.count
                index[text] = position
                keywords.append(Keyword(text: text, topic: topic))
                known.append([])
                spellings += 1
            }
            for variant in variants where known[position].insert(variant).inserted {
                keywords[position].variants.append(variant)
                spellings += 1
            }
            if keywords[position].variants.count > Self.maxVariantsPerKeyword {
                throw .badRow(
                    path: path, line: row.line,
                    detail: "'\(text.prefix(40))' has \(keywords[position].variants.count) variants; at most "
                        + "\(Self.maxVariantsPerKeyword) per keyword (split it into keywords of one topic)")
            }
            if spellings > Self.maxSpellings {
                throw .badRow(
                    path: path, line: row.line,
                    detail: "the list reaches \(spellings) keywords and variants; "
                        + "at most \(Self.maxSpellings) per list")
            }
        }
        guard !keywords.isEmpty else { throw .emptyKeywordList(path: path) }
        self.init(keywords: keywords)
    }
}
