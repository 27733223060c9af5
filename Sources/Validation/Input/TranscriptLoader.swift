import Foundation

/// Loads a reference or hypothesis from a path (file or directory) or, through resolvers, a broadcast id.
///
/// Formats, by extension:
/// - `.tsv`: `id<TAB>text` lines (header `id<TAB>text` optional) — one item per line;
/// - `.txt` (or any other extension): TSV when a line contains a tab, otherwise one document;
/// - `.srt`, `.vtt`: one document with word times (or one item per cue with ``Options/cuesAsItems``);
/// - `.json`: a transcript with segments/words (see ``JSONTranscriptReader``), one document;
/// - a directory: every file above, each `<id>.<ext>` one item with id `<id>` (a trailing `.ref` or `.hyp`
///   is dropped from the id, so `show1.ref.txt` pairs with `show1.txt`); `.tsv` files add their rows;
///   hidden files are skipped. Cues as items get ids `<id>#<cue>`.
public struct TranscriptLoader: Sendable {
    /// How subtitle files become items.
    public struct Options: Equatable, Sendable {
        /// Make each subtitle cue an item, keyed by cue number/identifier (default `false`: one document,
        /// because recognisers rarely cut cues where the reference does).
        public var cuesAsItems: Bool

        /// Creates options.
        public init(cuesAsItems: Bool = false) {
            self.cuesAsItems = cuesAsItems
        }
    }

    /// The options.
    public var options: Options
    /// Resolvers asked, in order, for names that are not existing paths.
    public var resolvers: [any TranscriptResolver]

    /// Creates a loader.
    public init(options: Options = Options(), resolvers: [any TranscriptResolver] = []) {
        self.options = options
        self.resolvers = resolvers
    }

    /// The transcript at `name`: a file, a directory, or a name a resolver knows.
    public func load(_ name: String) throws(TranscriptError) -> ItemizedTranscript {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? try loadDirectory(name) : try loadFile(name)
        }
        for resolver in resolvers {
            if let transcript = try resolver.transcript(named: name) { return transcript }
        }
        throw .noSuchFileOrBroadcast(name, searched: resolvers.map(\.searched))
    }

    /// One file.
    func loadFile(_ path: String) throws(TranscriptError) -> ItemizedTranscript {
        let (items, isDocument) = try items(ofFile: path, id: Self.itemID(forFile: path), idPrefix: "")
        return ItemizedTranscript(source: path, layout: isDocument ? .document : .collection, items: items)
    }

    /// Every transcript file in a directory, sorted by name.
    func loadDirectory(_ path: String) throws(TranscriptError) -> ItemizedTranscript {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let files = names.filter { !$0.hasPrefix(".") && Self.knownExtensions.contains(Self.fileExtension(of: $0)) }
        guard !files.isEmpty else { throw .noTranscriptFiles(directory: path) }
        var items: [TranscriptItem] = []
        var registry = IDRegistry()
        for name in files {
            let filePath = (path as NSString).appendingPathComponent(name)
            let id = Self.itemID(forFile: name)
            for item in try self.items(ofFile: filePath, id: id, idPrefix: id + "#").items {
                try registry.register(item.id, at: item.location ?? SourceLocation(path: filePath, line: 1))
                items.append(item)
            }
        }
        return ItemizedTranscript(source: path, layout: .collection, items: items)
    }

    /// The items of one file, and whether the file is a single document.
    func items(
        ofFile path: String, id: String, idPrefix: String
    ) throws(TranscriptError)
        -> (items: [TranscriptItem], isDocument: Bool)
    {
        let start = SourceLocation(path: path, line: 1)
        switch Self.fileExtension(of: path) {
        case "json":
            let document = try JSONTranscriptReader.read(path)
            return ([TranscriptItem(id: id, text: document.text, words: document.words, location: start)], true)
        case "srt", "vtt":
            let format: SubtitleReader.Format = Self.fileExtension(of: path) == "srt" ? .srt : .vtt
            let cues = try SubtitleReader.cues(of: try TextFile.read(path), format: format)
            if options.cuesAsItems {
                var registry = IDRegistry()
                var items: [TranscriptItem] = []
                for cue in cues {
                    let itemID = idPrefix + cue.id
                    try registry.register(itemID, at: cue.location)
                    items.append(TranscriptItem(id: itemID, text: cue.text, words: cue.words, location: cue.location))
                }
                return (items, false)
            }
            let text = cues.map(\.text).joined(separator: " ")
            return ([TranscriptItem(id: id, text: text, words: cues.flatMap(\.words), location: start)], true)
        default:
            let file = try TextFile.read(path)
            if Self.fileExtension(of: path) == "tsv" || file.lines.contains(where: { $0.contains("\t") }) {
                return (try TSVTranscriptReader.items(of: file), false)
            }
            let text = file.lines.map(\.trimmingWhitespace).filter { !$0.isEmpty }.joined(separator: " ")
            return ([TranscriptItem(id: id, text: text, location: start)], true)
        }
    }

    /// Extensions read from directories.
    static let knownExtensions: Set<String> = ["txt", "tsv", "srt", "vtt", "json"]

    /// The lower-cased extension of a file name.
    static func fileExtension(of path: String) -> String {
        (path as NSString).pathExtension.lowercased()
    }

    /// The item id for a file: its name without extension and without a trailing `.ref`/`.hyp`.
    static func itemID(forFile path: String) -> String {
        var stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        for suffix in [".ref", ".hyp"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
        }
        return stem
    }
}
