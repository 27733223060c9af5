import Foundation
import Transcripts

/// Reads a JSON transcript, the shape the pipeline writes as `transcript.json`:
/// `{"segments": [{"text", "start", "end", "words": [{"text", "start", "end"}]}]}`, or a bare
/// `{"words": [...]}`, or `{"text": "..."}`. A word's text may also be under `"word"`.
/// A word's confidence is kept when present (1 otherwise: the words are given); other keys are ignored.
enum JSONTranscriptReader {
    /// A timed word; `text` or `word` holds its text.
    struct Word: Decodable {
        var text: String
        var start: Double
        var end: Double
        var confidence: Double?

        /// The accepted keys.
        enum CodingKeys: String, CodingKey { case text, word, start, end, confidence }

        /// Decodes `text`, falling back to `word`.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text =
                try container.decodeIfPresent(String.self, forKey: .text)
                ?? container.decode(String.self, forKey: .word)
            start = try container.decode(Double.self, forKey: .start)
            end = try container.decode(Double.self, forKey: .end)
            confidence = (try? container.decodeIfPresent(Double.self, forKey: .confidence)) ?? nil
        }
    }

    /// A segment with text and/or words.
    struct Segment: Decodable {
        var text: String?
        var words: [Word]?
    }

    /// The top level.
    struct Document: Decodable {
        var text: String?
        var words: [Word]?
        var segments: [Segment]?
    }

    /// The text and, when present, the timed words of the file at `path`.
    static func read(_ path: String) throws(TranscriptError) -> (text: String, words: [TimedWord]?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "the file could not be opened")
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw .invalidJSON(path: path, problem: describe(error))
        } catch {
            throw .invalidJSON(path: path, problem: "\(error)")
        }
        guard document.segments != nil || document.text != nil || document.words != nil else {
            throw .invalidJSON(path: path, problem: "found no \"segments\", \"words\" or \"text\"")
        }
        let segments = document.segments ?? [Segment(text: document.text, words: document.words)]
        var texts: [String] = []
        var words: [TimedWord]?
        for segment in segments {
            let segmentWords = segment.words?.map {
                TimedWord(text: $0.text, start: $0.start, end: $0.end, confidence: $0.confidence ?? 1)
            }
            if let segmentWords {
                words = (words ?? []) + segmentWords
            }
            if let text = segment.text ?? segmentWords?.map(\.text).joined(separator: " ") {
                texts.append(text)
            }
        }
        return (texts.joined(separator: " "), words)
    }

    /// A one-line account of a decoding error with its key path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "top level" : keys
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "not valid JSON at \(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
