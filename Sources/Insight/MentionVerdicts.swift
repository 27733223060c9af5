import Foundation

/// Analysts' verdicts on the mentions the recogniser found. On real speech some mentions are words it heard
/// wrongly and is sure of, which no confidence floor removes; a person who listens to them can. A rejected
/// mention (the keyword was not said there) is left out of the alignment; a confirmed one is kept at
/// confidence 1. A broadcast keeps its verdicts in `inputs/verdicts.json`, and the mentions stage applies them,
/// so a verdict reruns the mentions and the alignment, never the recogniser.
public struct MentionVerdicts: Codable, Sendable, Equatable {
    /// What an analyst said of a mention.
    public enum Verdict: String, Codable, Sendable, CaseIterable {
        /// The keyword was said there.
        case confirmed
        /// It was not: the recogniser misheard.
        case rejected
    }

    /// One verdict, on the mention of `keyword` that starts at `time`.
    public struct Entry: Codable, Sendable, Equatable {
        /// The mention's keyword (its canonical spelling in the list).
        public var keyword: String
        /// When the mention starts, seconds from the start of the broadcast.
        public var time: Double
        /// What the analyst said of it.
        public var verdict: Verdict
        /// Who gave it (the account; nil on a dashboard without accounts or from the command line).
        public var by: String?
        /// When it was given.
        public var at: Date

        /// A verdict from its fields.
        public init(keyword: String, time: Double, verdict: Verdict, by: String? = nil, at: Date) {
            (self.keyword, self.time, self.verdict, self.by, self.at) = (keyword, time, verdict, by, at)
        }
    }

    /// A verdict to record on the mention of `keyword` at `time`; a nil verdict withdraws the earlier one.
    public struct Change: Sendable, Equatable {
        /// The mention's keyword.
        public var keyword: String
        /// When the mention starts (within ``MentionVerdicts/tolerance``).
        public var time: Double
        /// The verdict; nil withdraws the earlier one.
        public var verdict: Verdict?

        /// A change from its fields.
        public init(keyword: String, time: Double, verdict: Verdict?) {
            (self.keyword, self.time, self.verdict) = (keyword, time, verdict)
        }
    }

    /// The verdicts, in the order they were given.
    public var entries: [Entry]

    /// How far (seconds) a mention's start may lie from a verdict's time and still be the one it is about: a
    /// rerun with another model or keyword list moves word times by a few frames, not by a word.
    public static let tolerance = 0.3

    /// Verdicts from their entries (none by default).
    public init(entries: [Entry] = []) { self.entries = entries }

    /// True when `keyword` at `time` and `other` at `otherTime` name the same mention: one keyword, starting
    /// within ``tolerance`` of each other.
    public static func sameMention(_ keyword: String, _ time: Double, _ other: String, _ otherTime: Double) -> Bool {
        keyword == other && abs(time - otherTime) <= tolerance
    }

    /// The verdict on `mention`, if any (the latest one about it).
    public func entry(for mention: Mention) -> Entry? {
        entries.last { Self.sameMention($0.keyword, $0.time, mention.keyword, mention.time) }
    }

    /// The rejected verdicts, for the list of mentions analysts removed.
    public var rejected: [Entry] { entries.filter { $0.verdict == .rejected } }

    /// `mentions` as the analysts judged them: the rejected left out, the confirmed at confidence 1 with
    /// ``Mention/confirmedBy`` set.
    public func applied(to mentions: [Mention]) -> [Mention] {
        mentions.compactMap { mention in
            guard let entry = entry(for: mention) else { return mention }
            guard entry.verdict == .confirmed else { return nil }
            var confirmed = mention
            confirmed.confidence = 1
            confirmed.confirmedBy = entry.by ?? ""
            return confirmed
        }
    }

    /// Records `change`, replacing any earlier verdict on the same mention; a nil verdict withdraws it (the
    /// mention counts as found again).
    public mutating func record(_ change: Change, by: String? = nil, at: Date = Date()) {
        entries.removeAll { Self.sameMention($0.keyword, $0.time, change.keyword, change.time) }
        if let verdict = change.verdict {
            entries.append(Entry(keyword: change.keyword, time: change.time, verdict: verdict, by: by, at: at))
        }
    }

    /// True when some verdict is about the mention of `keyword` at `time`.
    public func hasVerdict(keyword: String, time: Double) -> Bool {
        entries.contains { Self.sameMention($0.keyword, $0.time, keyword, time) }
    }

    /// The verdicts a broadcast keeps at `path`; none when there is no file there (no one has given any).
    public static func stored(at path: String) throws(InsightError) -> MentionVerdicts {
        FileManager.default.fileExists(atPath: path) ? try load(path: path) : MentionVerdicts()
    }

    /// The verdicts in the file at `path`.
    public static func load(path: String) throws(InsightError) -> MentionVerdicts {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, detail: "cannot read the mention verdicts (\(error.localizedDescription))")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(MentionVerdicts.self, from: data) } catch {
            throw .unreadable(
                path: path,
                detail: "not mention verdicts: expected {\"entries\": [{\"keyword\", \"time\", \"verdict\", \"at\"}]}")
        }
    }

    /// The verdicts as the file holds them (sorted keys, so unchanged verdicts give the same bytes; ISO-8601 times,
    /// as the workspace's other JSON files).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
