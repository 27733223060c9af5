import Acoustic
import Foundation
import SeededRandom
import Transcription

/// A whole simulated show with planted keyword effects: a seller's script read as a perfect transcript, the
/// mentions the real `MentionFinder` finds in it, and the event log `BroadcastSimulator` draws for them.
/// For the acceptance tests of the analysis and the long demo; deterministic for a seed.
///
/// Every keyword of the list is said `mentionsPerKeyword` times, at times drawn uniformly over the show
/// (so, as in real shows, some windows fall after the end), each in its own sentence ("자 할인 말씀드릴게요");
/// a sentence without a keyword fills every other slot.
public struct SimulatedShow: Sendable {
    /// The knobs.
    public struct Setup: Sendable {
        public var keywords: KeywordList
        /// Keyword → planted multiplicative uplift of cart and purchase rates in its windows.
        public var planted: [String: Double]
        /// Length in seconds. Default 6,000 (100 minutes).
        public var duration: Double = 6_000
        /// Times each keyword is said. Default 6.
        public var mentionsPerKeyword = 6
        public var products: [BroadcastMetadata.Product] = [.init(id: "P001", price: 30_000)]
        /// Peak concurrent viewers. Default 1,200 (the simulator's).
        public var peakViewers: Double = 1_200
        public var seed: UInt64 = 1

        public init(keywords: KeywordList, planted: [String: Double]) {
            (self.keywords, self.planted) = (keywords, planted)
        }
    }

    public let setup: Setup
    /// The script as a transcript (word times spread over each sentence).
    public let transcript: Transcript
    /// What `MentionFinder` finds in it.
    public let mentions: [Mention]
    /// The simulated events.
    public let events: EventLog

    public init(setup: Setup) {
        self.setup = setup
        var random = SplitMix64(seed: setup.seed &* 7_919 &+ 17)
        var sayings: [(time: Double, text: String)] = []
        for keyword in setup.keywords.keywords {
            for _ in 0..<setup.mentionsPerKeyword {
                sayings.append((10 + random.uniform() * (setup.duration - 20), "자 \(keyword.text) 말씀드릴게요"))
            }
        }
        for time in stride(from: 5.0, to: setup.duration - 5, by: 40) { sayings.append((time, "여러분 반갑습니다 잘 보고 계시죠")) }
        sayings.sort { $0.time < $1.time }
        var segments: [TranscriptSegment] = []
        var free = 0.0
        for saying in sayings {
            let start = max(saying.time, free)
            let words: [TimedWord] = saying.text.split(separator: " ").enumerated().map {
                (index: Int, word: Substring) -> TimedWord in
                let wordStart: Double = start + Double(index) * 0.4
                return TimedWord(text: String(word), start: wordStart, end: wordStart + 0.35, confidence: 1)
            }
            let end = start + Double(words.count) * 0.4
            guard end < setup.duration else { continue }
            segments.append(TranscriptSegment(start: start, end: end, text: saying.text, words: words))
            free = end + 0.1
        }
        transcript = Transcript(duration: setup.duration, modelDigest: "simulated", segments: segments)
        mentions = MentionFinder(keywords: setup.keywords).mentions(in: transcript)
        var simulation = BroadcastSimulator.Setup(
            duration: setup.duration, mentions: mentions, planted: setup.planted,
            products: setup.products)
        simulation.seed = setup.seed
        simulation.peakViewers = setup.peakViewers
        events = BroadcastSimulator(setup: simulation).run()
    }

    /// The analysis of the show.
    public func analyse(options: AlignmentOptions = AlignmentOptions()) -> InsightReport {
        AlignmentAnalysis.analyse(
            mentions: mentions, events: events, duration: setup.duration,
            metadata: BroadcastMetadata(products: setup.products), options: options)
    }
}
