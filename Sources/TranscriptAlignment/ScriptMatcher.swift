import Acoustic
import Transcription
import Validation

/// Finds where a cue sheet was followed in a freely recognised transcript: the script's syllables are
/// aligned with the recognised ones (minimum edit distance, `Validation.LevenshteinAligner`), and a run of
/// script words whose syllables mostly match recognised ones is a passage that was said, in the span of
/// the recognised words it aligned with. Such passages are given to ``CueAligner`` (their text replaces
/// the recognised words there); recognised words outside every passage are kept (the host's ad-libs);
/// script words that match nothing were never said and are dropped.
public struct ScriptMatcher: Sendable {
    /// The least share of a script word's syllables, counted over it and its neighbours
    /// (``neighbourhood``), that must match recognised syllables exactly for it to count as said. Chosen on
    /// real speech from the train splits (`Docs/transcripts.md`): a lower share takes more of what was said
    /// and, where the host said something else, words that were never said.
    public var matchShare = 0.4
    /// Words on each side of a script word (in the same passage of the script) whose syllables count towards
    /// its share, so one misheard word inside a followed passage stays in it and one chance match inside an
    /// unsaid one does not bring it in.
    public var neighbourhood = 2
    /// The most words of one passage: longer runs are cut, which keeps each forced alignment small.
    public var longestPassage = 24

    /// Creates a matcher with the defaults above.
    public init() {}

    /// What was said of the script, and what was said besides.
    public struct Match: Sendable {
        /// Script passages that were said, each in the span of the recognised words it replaces.
        public var passages: [CueAligner.Cue]
        /// The recognised utterances with only the words that match no passage (empty ones left out).
        public var kept: [TranscriptSegment]
    }

    /// Matches `script` (passages of text, e.g. the cue sheet's lines, in order) against `recognised`.
    public func match(
        script: [String], recognised segments: [TranscriptSegment],
        vocabulary: TokenVocabulary
    ) -> Match {
        let recognised = segments.flatMap(\.words)
        let scriptWords = script.map { line in SpokenWords.of(line, vocabulary: vocabulary).map(\.text) }
        let flat = scriptWords.flatMap { $0 }
        let lineOf = scriptWords.enumerated().flatMap { line, words in words.map { _ in line } }
        let (scriptSyllables, scriptWordOf) = Self.syllables(of: flat)
        let (heardSyllables, heardWordOf) = Self.syllables(of: recognised.map(\.text))
        var matches = [Int](repeating: 0, count: flat.count)
        var heard = [ClosedRange<Int>?](repeating: nil, count: flat.count)  // recognised words each script word met
        for step in LevenshteinAligner().align(scriptSyllables, heardSyllables) {
            guard let syllable = step.referenceIndex, let other = step.hypothesisIndex else { continue }
            let word = scriptWordOf[syllable], heardWord = heardWordOf[other]
            if step.operation == .correct { matches[word] += 1 }
            let met = heard[word] ?? heardWord...heardWord
            heard[word] = min(met.lowerBound, heardWord)...max(met.upperBound, heardWord)
        }
        let said = flat.indices.map { word in
            let around = (max(0, word - neighbourhood)...min(flat.count - 1, word + neighbourhood))
                .filter { lineOf[$0] == lineOf[word] }
            let syllables = around.reduce(0) { $0 + flat[$1].count }
            return Double(around.reduce(0) { $0 + matches[$1] }) >= matchShare * Double(syllables)
        }
        var passages: [CueAligner.Cue] = []
        var replaced = Set<Int>()
        var word = 0
        while word < flat.count {
            guard said[word] else { word += 1; continue }
            var end = word
            while end + 1 < flat.count, said[end + 1], lineOf[end + 1] == lineOf[word],
                end + 1 - word < longestPassage
            {
                end += 1
            }
            let met = heard[word...end].compactMap { $0 }
            if let first = met.map(\.lowerBound).min(), let last = met.map(\.upperBound).max() {
                passages.append(
                    CueAligner.Cue(
                        text: flat[word...end].joined(separator: " "),
                        span: recognised[first].start...recognised[last].end))
                replaced.formUnion(first...last)
            }
            word = end + 1
        }
        var kept: [TranscriptSegment] = []
        var index = 0
        for segment in segments {
            let words = segment.words.indices.filter { !replaced.contains(index + $0) }.map { segment.words[$0] }
            index += segment.words.count
            guard let first = words.first, let last = words.last else { continue }
            let text = words.map(\.text).joined(separator: " ")
            kept.append(TranscriptSegment(start: first.start, end: last.end, text: text, words: words))
        }
        return Match(passages: passages, kept: kept)
    }

    /// The syllables of `words`, spaces left out, and the word each belongs to.
    static func syllables(of words: [String]) -> (syllables: [Character], wordOf: [Int]) {
        var syllables: [Character] = []
        var wordOf: [Int] = []
        for (index, word) in words.enumerated() {
            syllables += word
            wordOf += Array(repeating: index, count: word.count)
        }
        return (syllables, wordOf)
    }
}
