import Foundation

/// One passage of a transcript brought from elsewhere (a caption cue, a JSON segment, a line of a cue
/// sheet): its text and, when the source gives one, its time span in the recording.
public struct TextCue: Equatable, Sendable {
    /// The text as written (markup removed).
    public var text: String
    /// The span in seconds from the start of the recording; nil when the source gives no times.
    public var span: ClosedRange<Double>?
    /// Where it starts in its file, for messages.
    public var location: SourceLocation

    /// Creates a cue.
    public init(text: String, span: ClosedRange<Double>?, location: SourceLocation) {
        (self.text, self.span, self.location) = (text, span, location)
    }
}

/// Reads a transcript from elsewhere into cues, whatever the file is called: the format is told by the
/// content, because the pipeline keeps its copy under a fixed name (`inputs/transcript.txt`).
///
/// - WebVTT: the first line starts with `WEBVTT`;
/// - SRT: the first block has a `start --> end` timing line (after an optional cue number);
/// - JSON (first character `{` or `[`): a list of cues `[{"start", "end", "text"}]`, the pipeline's own
///   `transcript.json` (`{"segments": [{"start", "end", "text", …}]}`), `{"words": [...]}` or
///   `{"text": "..."}`; `start`/`end` may be left out together (untimed);
/// - anything else is plain text: each non-blank line is one untimed cue.
///
/// Files may be UTF-8 (with or without a byte-order mark), UTF-16 or CP949 (``TextFile``). Malformed
/// input fails with ``TranscriptError`` naming the file and the line (or, in JSON, the cue).
public enum TextCueReader {
    /// The formats it tells apart.
    public enum Format: String, Sendable {
        /// SubRip.
        case srt
        /// WebVTT.
        case vtt
        /// JSON cues or a LiveInsight transcript.
        case json
        /// One untimed cue per line.
        case text
    }

    /// The cues of the file at `path`, in file order.
    public static func cues(path: String) throws(TranscriptError) -> [TextCue] {
        let file = try TextFile.read(path)
        switch format(of: file) {
        case .vtt: return try SubtitleReader.cues(of: file, format: .vtt).map(cue)
        case .srt: return try SubtitleReader.cues(of: file, format: .srt).map(cue)
        case .json: return try JSONCues.cues(of: file)
        case .text:
            return file.numberedLines.compactMap { number, line in
                let text = line.trimmingWhitespace
                let location = SourceLocation(path: path, line: number)
                return text.isEmpty ? nil : TextCue(text: text, span: nil, location: location)
            }
        }
    }

    /// The format of `file`, told by its first non-blank lines.
    static func format(of file: TextFile) -> Format {
        let lines = file.lines.drop { $0.allSatisfy(\.isWhitespace) }
        guard let first = lines.first?.trimmingWhitespace else { return .text }
        if first.hasPrefix("WEBVTT") { return .vtt }
        if first.hasPrefix("{") || first.hasPrefix("[") { return .json }
        return lines.prefix(2).contains { $0.contains("-->") } ? .srt : .text
    }

    private static func cue(_ subtitle: SubtitleCue) -> TextCue {
        TextCue(text: subtitle.text, span: subtitle.start...subtitle.end, location: subtitle.location)
    }
}

/// The JSON shapes ``TextCueReader`` accepts.
private enum JSONCues {
    /// A cue or segment: `text` (or `word`), optional `start` and `end`; other keys are ignored.
    struct Cue: Decodable {
        var text: String?
        var word: String?
        var start: Double?
        var end: Double?
    }

    /// An object holding cues under `segments` or `words`, or one untimed `text`.
    struct Document: Decodable {
        var segments: [Cue]?
        var words: [Cue]?
        var text: String?
    }

    static func cues(of file: TextFile) throws(TranscriptError) -> [TextCue] {
        let data = Data(file.lines.joined(separator: "\n").utf8)
        let listed: [Cue]
        do {
            if file.lines.first(where: { !$0.allSatisfy(\.isWhitespace) })?.trimmingWhitespace.hasPrefix("[") == true {
                listed = try JSONDecoder().decode([Cue].self, from: data)
            } else {
                let document = try JSONDecoder().decode(Document.self, from: data)
                let untimed = document.text.map { [Cue(text: $0, word: nil, start: nil, end: nil)] }
                guard let cues = document.segments ?? document.words ?? untimed else {
                    throw TranscriptError.invalidJSON(
                        path: file.path,
                        problem: "found no \"segments\", \"words\" or \"text\"")
                }
                listed = cues
            }
        } catch let error as TranscriptError {
            throw error
        } catch let error as DecodingError {
            throw .invalidJSON(path: file.path, problem: JSONTranscriptReader.describe(error))
        } catch {
            throw .invalidJSON(path: file.path, problem: "\(error)")
        }
        var cues: [TextCue] = []
        for (index, cue) in listed.enumerated() {
            guard let text = cue.text ?? cue.word else {
                throw .invalidJSON(path: file.path, problem: "cue [\(index)] has no \"text\"")
            }
            let location = SourceLocation(path: file.path, line: 1)
            switch (cue.start, cue.end) {
            case (nil, nil):
                cues.append(TextCue(text: text, span: nil, location: location))
            case (let start?, let end?) where start >= 0 && end >= start:
                cues.append(TextCue(text: text, span: start...end, location: location))
            default:
                let found = [cue.start, cue.end].map { $0.map { "\($0)" } ?? "none" }
                throw .invalidJSON(
                    path: file.path,
                    problem: "cue [\(index)] needs both \"start\" and \"end\" "
                        + "(seconds, the end not before the start) or neither; "
                        + "found \(found[0]) and \(found[1])")
            }
        }
        return cues
    }
}
