/// Files a user brings beside a recording. Each is copied into the broadcast folder
/// (`inputs/<fileName>`) when given, so later runs and later stages find it even after the original
/// moves; its content hash enters the cache key of every stage that declares it.
public enum UserInputKind: String, CaseIterable, Codable, Sendable, Comparable {
    /// Sales and viewer events (`timestamp,event_type,product_id,…`).
    case events
    /// Keyword list (keyword, topic, variants); its keywords are also decoding hotwords.
    case keywords
    /// Product reviews (`product_id,rating,text,…`).
    case reviews
    /// Reference transcript, kept for the QA stage.
    case reference
    /// Broadcast metadata (JSON: title, start time, targets, products and prices).
    case metadata
    /// A transcript from elsewhere (captions: SRT, WebVTT, JSON or text), used in place of free recognition.
    case transcript
    /// The host's cue sheet, followed where the recording matches it (`Docs/transcripts.md`).
    case script
    /// Analysts' verdicts on mentions (`Insight.MentionVerdicts`: rejected or confirmed), applied by the mentions
    /// stage.
    case verdicts

    /// Name of the copy inside `<broadcast>/inputs/`.
    public var fileName: String {
        switch self {
        case .reference: "ref.txt"
        case .metadata: "meta.json"
        case .verdicts: "verdicts.json"
        case .events, .keywords, .reviews: rawValue + ".csv"
        case .transcript, .script: rawValue + ".txt"  // the format is told by the content
        }
    }

    /// The kinds whose copy a given file of this kind replaces: a transcript and a script both say where
    /// the transcript's text comes from, so the one brought last is the one used.
    public var replaces: [UserInputKind] {
        switch self {
        case .transcript: [.script]
        case .script: [.transcript]
        case .events, .keywords, .reviews, .reference, .metadata, .verdicts: []
        }
    }

    /// The copy's path inside the broadcast folder (`inputs/<fileName>`).
    public var pathInBroadcast: String { CheckpointFile.inputsFolder + "/" + fileName }

    /// Suffixes that pair a file in the watched folder with the recording of the same stem:
    /// `show.wav` + `show.events.csv`, `show.meta.json`; captions also as platforms name them, `show.srt`,
    /// `show.vtt`. The first one present is taken.
    public var companionSuffixes: [String] {
        self == .transcript ? ["." + fileName, ".srt", ".vtt"] : ["." + fileName]
    }

    /// The companion kind whose suffix `name` ends with (letter case aside), and that suffix; nil when `name`
    /// is no companion's.
    public static func companion(named name: String) -> (kind: UserInputKind, suffix: String)? {
        let lower = name.lowercased()
        for kind in allCases {
            if let suffix = kind.companionSuffixes.first(where: lower.hasSuffix) { return (kind, suffix) }
        }
        return nil
    }

    /// Orders kinds by name (for stable listings).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
