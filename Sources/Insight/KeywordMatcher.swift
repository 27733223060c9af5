import Foundation
import Transcription

/// Finds keywords in a transcript's words, insensitive to spacing and to particles.
///
/// Each utterance's words are joined without spaces, so "할 인" and "할인을" both contain "할인".
/// Rules: a keyword of two or more syllables matches anywhere in that stream; a one-syllable
/// keyword must begin a word and be followed in it only by a particle (or nothing), since a single
/// syllable occurs inside many unrelated words. Where one keyword's match lies inside a longer
/// keyword's match ("배송" inside "무료 배송"), only the longer one counts.
///
/// The spellings are held in a trie, so a segment is matched in time proportional to its length times
/// the longest spelling, however many spellings the list has.
public struct KeywordMatcher: Sendable {
    private struct Pattern {
        let keyword: Keyword
        let syllables: [Unicode.Scalar]
    }

    private let patterns: [Pattern]
    /// Trie over the patterns' syllables: node 0 is the root; `children[node]` maps a syllable to a node,
    /// `ending[node]` lists the patterns (in list order) that end there.
    private let children: [[Unicode.Scalar: Int]]
    private let ending: [[Int]]

    public init(keywords: KeywordList) {
        patterns = keywords.keywords.flatMap { keyword in
            keyword.spellings.map { Pattern(keyword: keyword, syllables: Self.syllables(of: $0)) }
        }.filter { !$0.syllables.isEmpty }
        var children: [[Unicode.Scalar: Int]] = [[:]], ending: [[Int]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            var node = 0
            for syllable in pattern.syllables {
                if let next = children[node][syllable] {
                    node = next
                } else {
                    children[node][syllable] = children.count
                    node = children.count
                    children.append([:])
                    ending.append([])
                }
            }
            ending[node].append(index)
        }
        (self.children, self.ending) = (children, ending)
    }

    /// The letters of `text` that matter for matching: NFC scalars, no spaces or punctuation.
    static func syllables(of text: String) -> [Unicode.Scalar] {
        text.precomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }
    }

    /// Every keyword mention in `transcript`, in time order.
    public func mentions(in transcript: Transcript) -> [Mention] {
        transcript.segments.flatMap(mentions(in:)).sorted { $0.time < $1.time }
    }

    private func mentions(in segment: TranscriptSegment) -> [Mention] {
        var stream: [Unicode.Scalar] = [], wordOf: [Int] = [], wordStart: [Bool] = []
        for (index, word) in segment.words.enumerated() {
            for (offset, character) in Self.syllables(of: word.text).enumerated() {
                stream.append(character)
                wordOf.append(index)
                wordStart.append(offset == 0)
            }
        }
        var found: [(range: Range<Int>, pattern: Pattern)] = []
        for start in stream.indices {
            var node = 0
            for end in start..<stream.count {
                guard let next = children[node][stream[end]] else { break }
                node = next
                for index in ending[node] {
                    if end == start
                        && !isWholeWordWithParticle(start: start, stream: stream, wordOf: wordOf, wordStart: wordStart)
                    {
                        continue
                    }
                    found.append((start..<(end + 1), patterns[index]))
                }
            }
        }
        // Longest match wins where matches overlap; equal ones keep the list's order (the sort is stable).
        found.sort { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) }
        var taken = [Bool](repeating: false, count: stream.count)
        var mentions: [Mention] = []
        for match in found where !match.range.contains(where: { taken[$0] }) {
            for index in match.range { taken[index] = true }
            let words = segment.words[wordOf[match.range.lowerBound]...wordOf[match.range.upperBound - 1]]
            mentions.append(
                Mention(
                    keyword: match.pattern.keyword.text, topic: match.pattern.keyword.topic,
                    time: words.first!.start, end: words.last!.end,
                    confidence: words.reduce(0) { $0 + $1.confidence } / Double(words.count),
                    source: .transcript, ment: segment.text))
        }
        return mentions
    }

    private func isWholeWordWithParticle(start: Int, stream: [Unicode.Scalar], wordOf: [Int], wordStart: [Bool]) -> Bool
    {
        guard wordStart[start] else { return false }
        var end = start + 1
        while end < stream.count && wordOf[end] == wordOf[start] { end += 1 }
        return Particles.isParticle(String(String.UnicodeScalarView(stream[(start + 1)..<end])))
    }
}

/// Korean particles and copula endings that may follow a noun inside an eojeol.
enum Particles {
    static let all: Set<String> = [
        "", "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "께", "한테", "로", "으로", "와", "과",
        "도", "만", "까지", "부터", "보다", "처럼", "이나", "나", "랑", "이랑", "요", "이요", "예요", "이에요", "이다", "입니다",
        "이죠", "죠", "도요", "만요", "이라서", "라서", "이고", "고", "이랑요", "에는", "에도", "으로는", "로는", "은요", "는요",
    ]

    static func isParticle(_ text: String) -> Bool { all.contains(text) }
}
