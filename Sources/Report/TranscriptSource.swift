import Acoustic
import Formatting
import Transcription

/// Where a transcript's words came from (`TimedWord.origin`): the share of each origin, for the dashboard's
/// header ("대본 출처 자막 92.0%") and the transcript page's legend and word marks.
struct TranscriptSource {
    /// Each origin that has words, with its share of all words, in `WordOrigin.allCases` order.
    let shares: [(origin: WordOrigin, share: Double)]

    /// The shares of `transcript`'s words.
    init(_ transcript: Transcript) {
        let words = transcript.words
        shares = WordOrigin.allCases.compactMap { origin in
            let count = words.filter { ($0.origin ?? .recognised) == origin }.count
            return count == 0 ? nil : (origin, Double(count) / Double(words.count))
        }
    }

    /// Whether some words came from text given with the recording (captions or a cue sheet).
    var hasGivenText: Bool { shares.contains { $0.origin != .recognised } }

    /// "출처 source: 자막 captions 92.0% · 음성 인식 recognised 8.0%", one language shown at a time.
    var summary: String {
        let parts = shares.map { origin, share in (Self.label(origin), NumberText.percent(share)) }
        return Bilingual.both(
            "대본 출처: " + parts.map { "\($0.0.korean) \($0.1)" }.joined(separator: " · "),
            "transcript from " + parts.map { "\($0.0.english) \($0.1)" }.joined(separator: " · "))
    }

    /// The class a word's mark gets on the transcript page, or nil for a recognised word.
    static func cssClass(_ origin: WordOrigin?) -> String? {
        switch origin ?? .recognised {
        case .recognised: nil
        case .caption: "from-caption"
        case .script: "from-script"
        }
    }

    /// The name of an origin in both languages.
    static func label(_ origin: WordOrigin) -> (korean: String, english: String) {
        switch origin {
        case .recognised: ("음성 인식", "recognised")
        case .caption: ("자막", "captions")
        case .script: ("큐시트", "cue sheet")
        }
    }
}
