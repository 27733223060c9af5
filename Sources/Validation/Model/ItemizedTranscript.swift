import Transcripts

/// A set of utterances to compare, keyed by id: a reference or a hypothesis. Not the pipeline's
/// `Transcripts.Transcript` (one recording's timed segments), which the loader reads into one of these.
public struct ItemizedTranscript: Equatable, Sendable {
    /// How the transcript was organised in its source, which decides how it pairs with the other side.
    public enum Layout: String, Codable, Sendable {
        /// Many utterances with ids (a TSV, a directory, or subtitle cues as items).
        case collection
        /// One document (a plain-text file, a whole subtitle file, a JSON transcript): when both sides are
        /// single documents they are paired whatever their names.
        case document
    }

    /// Where the transcript came from (a path or a broadcast id), for messages.
    public var source: String
    /// How the source was organised.
    public var layout: Layout
    /// The utterances, in source order; ids are unique.
    public var items: [TranscriptItem]

    /// Creates a transcript.
    public init(source: String, layout: Layout = .collection, items: [TranscriptItem]) {
        self.source = source
        self.layout = layout
        self.items = items
    }
}

/// One utterance (or a whole document) of a transcript.
public struct TranscriptItem: Equatable, Sendable {
    /// The id that pairs it with the other side.
    public var id: String
    /// The text as written in the source.
    public var text: String
    /// Word times, when the source has them (subtitle cues, JSON word lists); `nil` otherwise.
    public var words: [TimedWord]?
    /// Where the item starts in its source, for messages.
    public var location: SourceLocation?

    /// Creates an item.
    public init(id: String, text: String, words: [TimedWord]? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.text = text
        self.words = words
        self.location = location
    }
}

/// A place in an input file.
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The file path as given.
    public var path: String
    /// The 1-based line number.
    public var line: Int

    /// Creates a location.
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    /// "path:line".
    public var description: String { "\(path):\(line)" }
}
