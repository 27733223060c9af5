import Transcripts

/// One subtitle cue with its text and the estimated times of its words.
struct SubtitleCue: Equatable {
    /// The cue number (SRT), identifier (WebVTT) or 1-based position when there is none.
    var id: String
    /// Start time in seconds.
    var start: Double
    /// End time in seconds.
    var end: Double
    /// The text lines joined by spaces, markup removed.
    var text: String
    /// The words with times: from WebVTT inline timestamps where present, otherwise spread over the
    /// cue in proportion to their length in characters.
    var words: [TimedWord]
    /// Where the cue starts.
    var location: SourceLocation

    /// Builds a cue from its raw text lines, reading `<00:00:01.500>` inline timestamps and dropping other
    /// markup (`<i>`, `<c.red>`, `<v Name>`, `{\an8}`).
    init(id: String, start: Double, end: Double, lines: [Substring], location: SourceLocation) {
        self.id = id
        self.start = start
        self.end = end
        self.location = location
        var segments: [(start: Double, text: String)] = [(start, "")]
        for line in lines {
            segments[segments.count - 1].text += " "
            var index = line.startIndex
            while index < line.endIndex {
                let character = line[index]
                if character == "<" || character == "{",
                    let close = line[index...].firstIndex(of: character == "<" ? ">" : "}")
                {
                    let tag = line[line.index(after: index)..<close]
                    if character == "<", let time = SubtitleTimestamp.seconds(tag) {
                        segments.append((min(max(time, start), end), ""))
                    }
                    index = line.index(after: close)
                } else {
                    segments[segments.count - 1].text.append(character)
                    index = line.index(after: index)
                }
            }
        }
        text = segments.map(\.text).joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var words: [TimedWord] = []
        for (index, segment) in segments.enumerated() {
            let segmentEnd = index + 1 < segments.count ? segments[index + 1].start : end
            words += Self.spread(segment.text, from: segment.start, to: segmentEnd)
        }
        self.words = words
    }

    /// The words of `text` with times spread over `start...end` by character count.
    static func spread(_ text: String, from start: Double, to end: Double) -> [TimedWord] {
        let parts = text.split(whereSeparator: \.isWhitespace)
        let total = Double(parts.reduce(0) { $0 + $1.count })
        guard total > 0 else { return [] }
        var words: [TimedWord] = []
        var consumed = 0.0
        for part in parts {
            let wordStart = start + (end - start) * consumed / total
            consumed += Double(part.count)
            let wordEnd = start + (end - start) * consumed / total
            // A subtitle's words are given, not recognised: certain.
            words.append(TimedWord(text: String(part), start: wordStart, end: wordEnd, confidence: 1))
        }
        return words
    }
}
