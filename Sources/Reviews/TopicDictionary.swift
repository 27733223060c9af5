import Foundation
import TextDecoding

/// Topics (가격, 품질, 배송, …) and the keywords that mark a sentence as being about them.
///
/// A keyword matches a word of the sentence when it equals the word, or the word with its particle
/// stripped (`ParticleStripper`); a keyword ending in `*` matches any word that starts with it
/// (`비싸*` matches 비싸요, 비싸서). File format, one topic a line, `#` starts a comment:
/// ```
/// 가격 = 가격, 가성비, 비싸*, 저렴*
/// ```
public struct TopicDictionary: Sendable, Equatable {
    /// One topic and its keywords.
    public struct Topic: Sendable, Equatable {
        /// The topic's name, as shown on the dashboard.
        public let name: String
        /// Whole-word keywords (matched after particle stripping).
        public let words: Set<String>
        /// Prefix keywords (written with a trailing `*`).
        public let prefixes: [String]
    }

    /// Topics in the order they were listed.
    public let topics: [Topic]
    private let index: KeywordIndex

    /// Keyword scalars → indices of the topics they mark (scalar arrays hash much faster than Strings).
    private struct KeywordIndex: Sendable, Equatable {
        var whole: [[Unicode.Scalar]: [Int]] = [:]
        var prefixes: [[Unicode.Scalar]: [Int]] = [:]
        var longestPrefix = 0
    }

    /// A dictionary from (topic, keywords) pairs; a keyword ending in `*` is a prefix.
    public init(_ entries: [(String, [String])]) {
        let topics = entries.map { name, keywords in
            let cleaned = keywords.map { ReviewText.normalize($0) }.filter { !$0.isEmpty && $0 != "*" }
            return Topic(
                name: name,
                words: Set(cleaned.filter { !$0.hasSuffix("*") }),
                prefixes: cleaned.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) })
        }
        var index = KeywordIndex()
        for (number, topic) in topics.enumerated() {
            for word in topic.words { index.whole[Array(word.unicodeScalars), default: []].append(number) }
            for prefix in topic.prefixes {
                index.prefixes[Array(prefix.unicodeScalars), default: []].append(number)
                index.longestPrefix = max(index.longestPrefix, prefix.unicodeScalars.count)
            }
        }
        (self.topics, self.index) = (topics, index)
    }

    /// Reads the text format above; throws `ReviewsError.badTopics` naming the line.
    public init(contentsOf path: String) throws(ReviewsError) {
        let text: String
        do { text = try TextDecoder.read(path: path).text } catch {
            if let line = error.line { throw .badTopics(path: path, line: line, detail: error.reason) }
            throw .unreadable(path: path, detail: error.description)
        }
        var entries: [(String, [String])] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let keywords =
                parts.count == 2
                ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                : []
            guard parts.count == 2, !name.isEmpty, !keywords.isEmpty else {
                throw .badTopics(
                    path: path, line: index + 1, detail: "'\(line.prefix(40))' is not a topic with keywords")
            }
            entries.append((name, keywords))
        }
        guard !entries.isEmpty else { throw .badTopics(path: path, line: 1, detail: "no topics") }
        self.init(entries)
    }

    /// The names of the topics a normalised sentence mentions, in dictionary order.
    public func topics(of sentence: String) -> [String] {
        var mentioned = Set<Int>()
        for word in Array(sentence.unicodeScalars).split(separator: " ") {
            let core = ParticleStripper.trimPunctuation(word)
            guard !core.isEmpty else { continue }
            mentioned.formUnion(index.whole[Array(core)] ?? [])
            mentioned.formUnion(index.whole[Array(ParticleStripper.stem(core))] ?? [])
            for length in 1...min(core.count, index.longestPrefix) {
                mentioned.formUnion(index.prefixes[Array(core.prefix(length))] ?? [])
            }
        }
        return mentioned.sorted().map { topics[$0].name }
    }

    /// Sensible defaults for Korean commerce reviews (fashion, beauty, kitchen, food).
    public static let commerceDefaults = TopicDictionary([
        ("가격", ["가격", "가성비", "값", "돈", "할인", "세일", "비용", "쿠폰", "혜택", "저렴*", "비싸*", "비쌈", "싸*", "착한가격"]),
        (
            "품질",
            [
                "품질", "퀄리티", "마감", "마감처리", "재질", "소재", "원단", "내구성", "불량", "하자", "튼튼*", "고장*", "허접*", "짱짱*", "보풀*", "녹",
                "정품",
            ]
        ),
        ("배송", ["배송*", "택배*", "배달*", "도착*", "출고*", "발송*", "로켓*"]),
        (
            "디자인",
            ["디자인", "색상", "색감", "색깔", "색", "컬러", "모양", "스타일", "외관", "예쁘*", "예뻐*", "이쁘*", "이뻐*", "귀여*", "세련*", "촌스*"]
        ),
        (
            "사이즈",
            [
                "사이즈", "크기", "치수", "핏", "기장", "길이", "정사이즈", "오버핏", "작아*", "작게", "작은", "작네*", "커요", "커서", "크게", "큰",
                "넉넉*", "타이트*", "헐렁*", "끼어*", "끼는",
            ]
        ),
        ("맛", ["맛*", "식감", "짜요", "짜다", "싱거*", "달달*", "달콤*", "고소*", "매콤*", "매워*", "맵*", "신선*", "비려*", "비린*"]),
        ("포장", ["포장*", "박스", "상자", "뽁뽁이", "에어캡", "파손*", "깨져*", "깨진", "찌그러*", "밀봉*", "완충*"]),
        (
            "서비스",
            ["서비스", "응대", "고객센터", "판매자", "사장님", "상담*", "문의*", "교환*", "환불*", "반품*", "친절*", "불친절*", "답변*", "as", "a/s"]
        ),
        ("효과", ["효과*", "보습*", "촉촉*", "트러블*", "자극*", "흡수*", "발림*", "진정*", "건조*", "피부*"]),
        ("향", ["향*", "냄새*", "향기*"]),
        ("사용감", ["사용감", "성능", "기능", "절삭력", "그립감", "무게*", "편리*", "편해*", "편하*", "불편*", "잘들어*", "손잡이*"]),
    ])
}
