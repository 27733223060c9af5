import Acoustic
import Transcription

/// All mentions of a keyword list in a broadcast: from the transcript's words and, where the
/// posteriors are at hand, from keyword spotting — merged so one spoken keyword is one mention.
public struct MentionFinder: Sendable {
    private let matcher: KeywordMatcher
    private let spotter: KeywordSpotter?
    /// For each keyword, the longer keywords that contain it (배송 → 무료 배송, 빠른 배송).
    private let containers: [String: Set<String>]
    private let calibration: MentionCalibration

    /// - Parameters:
    ///   - vocabulary: the acoustic model's units; without it only the transcript is searched.
    ///   - clock: the model's frame clock (`Transcriber.clock(for:)`), which places spotted keywords in time.
    ///   - spottingThreshold: the spotter's minimum mean log score per unit.
    ///   - calibration: turns raw confidences into the chance a mention is right, and drops the unlikely ones.
    public init(
        keywords: KeywordList, vocabulary: TokenVocabulary? = nil, clock: FrameClock = FrameClock(),
        spottingThreshold: Float = KeywordSpotter.defaultThreshold, calibration: MentionCalibration = .none
    ) {
        matcher = KeywordMatcher(keywords: keywords)
        spotter = vocabulary.map {
            KeywordSpotter(keywords: keywords, vocabulary: $0, threshold: spottingThreshold, clock: clock)
        }
        containers = Self.containers(of: keywords)
        self.calibration = calibration
    }

    /// Keyword B contains keyword A when a spelling of B, spaces ignored, contains a spelling of A.
    private static func containers(of list: KeywordList) -> [String: Set<String>] {
        func compact(_ keyword: Keyword) -> [String] { keyword.spellings.map { $0.filter { $0 != " " } } }
        var containers: [String: Set<String>] = [:]
        for inner in list.keywords {
            for outer in list.keywords
            where outer.text != inner.text
                && compact(outer).contains(where: { long in compact(inner).contains { long.contains($0) } })
            {
                containers[inner.text, default: []].insert(outer.text)
            }
        }
        return containers
    }

    /// Mentions in time order. An acoustic detection overlapping a transcript mention of the same
    /// keyword confirms it (source `.both`); one the transcript missed is added with its sentence, unless
    /// its keyword is too short to be told from the sound alone (`KeywordSpotter.confirmsOnly`).
    /// As in the transcript, the longest keyword wins: a mention inside a mention of a keyword that
    /// contains it (배송 within 무료 배송) is part of that one, not a mention of its own.
    /// Confidences are calibrated once the sources are merged, since a confirmed mention is likelier right.
    /// Where the words' text was given (captions, a cue sheet: `TimedWord.origin`), that text decides what
    /// was said: a detection there confirms a mention but never adds one.
    public func mentions(
        in transcript: Transcript, utterances: [(start: Double, posteriors: SparsePosteriors)] = []
    ) -> [Mention] {
        var mentions = matcher.mentions(in: transcript)
        guard let spotter else { return calibration.apply(to: mentions) }
        let given = transcript.words.filter { ($0.origin ?? .recognised) != .recognised }
        for utterance in utterances {
            for detection in spotter.spot(utterance.posteriors, start: utterance.start) {
                if let index = mentions.firstIndex(where: {
                    $0.keyword == detection.keyword && Self.overlap($0, detection)
                }) {
                    mentions[index].source = .both
                    mentions[index].confidence = max(mentions[index].confidence, detection.confidence)
                } else if !spotter.confirmsOnly.contains(detection.keyword)
                    && !given.contains(where: { $0.start < detection.end && detection.time < $0.end })
                {
                    var added = detection
                    added.ment =
                        transcript.segments.first { $0.start <= detection.time && detection.time < $0.end }?.text ?? ""
                    mentions.append(added)
                }
            }
        }
        return calibration.apply(to: withoutNested(mentions)).sorted { $0.time < $1.time }
    }

    private func withoutNested(_ mentions: [Mention]) -> [Mention] {
        mentions.filter { inner in
            guard let outer = containers[inner.keyword] else { return true }
            return !mentions.contains { outer.contains($0.keyword) && Self.overlap(inner, $0) }
        }
    }

    /// Whether two mentions overlap in time, with 0.3 s of slack for the two sources' differing word edges.
    private static func overlap(_ a: Mention, _ b: Mention) -> Bool {
        a.time < b.end + 0.3 && b.time < a.end + 0.3
    }
}
