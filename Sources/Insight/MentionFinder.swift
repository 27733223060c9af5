import Acoustic
import Transcription

/// All mentions of a keyword list in a broadcast: from the transcript's words and, where the
/// posteriors are at hand, from keyword spotting — merged so one spoken keyword is one mention.
public struct MentionFinder: Sendable {
    private let matcher: KeywordMatcher
    private let spotter: KeywordSpotter?

    /// - Parameter vocabulary: the acoustic model's units; without it only the transcript is searched.
    public init(keywords: KeywordList, vocabulary: TokenVocabulary? = nil, spottingThreshold: Float = -1.2) {
        matcher = KeywordMatcher(keywords: keywords)
        spotter = vocabulary.map { KeywordSpotter(keywords: keywords, vocabulary: $0, threshold: spottingThreshold) }
    }

    /// Mentions in time order. An acoustic detection overlapping a transcript mention of the same
    /// keyword confirms it (source `.both`); one the transcript missed is added with its sentence.
    public func mentions(in transcript: Transcript, utterances: [(start: Double, posteriors: SparsePosteriors)] = []) -> [Mention] {
        var mentions = matcher.mentions(in: transcript)
        guard let spotter else { return mentions }
        for utterance in utterances {
            for detection in spotter.spot(utterance.posteriors, start: utterance.start) {
                if let index = mentions.firstIndex(where: {
                    $0.keyword == detection.keyword && $0.time < detection.end + 0.3 && detection.time < $0.end + 0.3
                }) {
                    mentions[index].source = .both
                    mentions[index].confidence = max(mentions[index].confidence, detection.confidence)
                } else {
                    var added = detection
                    added.ment = transcript.segments.first { $0.start <= detection.time && detection.time < $0.end }?.text ?? ""
                    mentions.append(added)
                }
            }
        }
        return mentions.sorted { $0.time < $1.time }
    }
}
