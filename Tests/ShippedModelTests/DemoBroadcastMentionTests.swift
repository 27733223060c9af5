import Acoustic
import Foundation
import Insight
import Testing
import Transcription

/// The demo broadcast (7.7 minutes of synthetic seller speech over a music bed) against its reference
/// script: the keyword mentions the product finds, as the pipeline finds them (hotwords from the keyword
/// list, then transcript matching plus keyword spotting on the posteriors).
@Suite(.enabled(if: ShippedModel.isShipped, "no model in Models/ yet"))
struct DemoBroadcastMentionTests {
    static let samples = ShippedModel.repository.appendingPathComponent("AudioSamples")

    /// A found mention counts for a reference mention of the same keyword within this many seconds: the
    /// reference places words evenly over each scripted line, so its times are only good to a few seconds.
    static let tolerance = 4.0

    /// Slack against the model card's recall, about one mention of the demo's: the card's figure comes from
    /// this test on another machine, where threads and SIMD width can tip a close beam-search choice.
    static let recallTolerance = 0.02

    struct Scored {
        let recall: Double
        let falseHits: [Mention]
        let referenceCount: Int
    }

    static func score(found: [Mention], reference: [Mention]) -> Scored {
        var unused = found
        var hits = 0
        for expected in reference {
            let candidates = unused.indices.filter {
                unused[$0].keyword == expected.keyword && abs(unused[$0].time - expected.time) <= tolerance
            }
            guard
                let best = candidates.min(by: {
                    abs(unused[$0].time - expected.time) < abs(unused[$1].time - expected.time)
                })
            else { continue }
            hits += 1
            unused.remove(at: best)
        }
        return Scored(
            recall: Double(hits) / Double(max(reference.count, 1)), falseHits: unused, referenceCount: reference.count)
    }

    static func demo() throws -> (
        keywords: KeywordList, reference: [Mention], transcript: Transcript,
        utterances: [(start: Double, posteriors: SparsePosteriors)]
    ) {
        let keywords = try KeywordList.load(path: samples.appendingPathComponent("demo-broadcast.keywords.csv").path)
        let script = try ReferenceScript.transcript(path: samples.appendingPathComponent("demo-broadcast.ref.tsv").path)
        let reference = MentionFinder(keywords: keywords).mentions(in: script)
        let transcriber = try ShippedModel.transcriber(.product, hotwords: keywords.keywords.flatMap(\.spellings))
        var utterances: [(start: Double, posteriors: SparsePosteriors)] = []
        let transcript = try transcriber.transcribe(
            path: samples.appendingPathComponent("demo-broadcast.ogg").path,
            utterance: { utterances.append(($0.segment.start, SparsePosteriors($0.posteriors))) })
        return (keywords, reference, transcript, utterances)
    }

    /// Issue #4: with hotwords on, the transcript itself spells ≥ 95 % of the scripted keyword mentions.
    @Test func transcriptKeywordRecallWithHotwords() throws {
        let demo = try Self.demo()
        let found = MentionFinder(keywords: demo.keywords).mentions(in: demo.transcript)
        let scored = Self.score(found: found, reference: demo.reference)
        #expect(scored.referenceCount >= 40)
        let claimed = try ShippedModel.claimed("demo-keyword-recall", measured: scored.recall)
        #expect(
            scored.recall >= claimed - Self.recallTolerance,
            "transcript keyword recall \(scored.recall) of \(scored.referenceCount), model card \(claimed)")
        ShippedModel.expect(scored.recall, meets: .atLeast(0.95), cardClaims: claimed, "demo keyword recall")
    }

    /// Issue #6: mentions from transcript and spotting together: recall ≥ 95 % and at most one false hit
    /// per hour (on 7.7 minutes, none).
    @Test func mentionDetectionRecallAndFalseHits() throws {
        let demo = try Self.demo()
        let configuration = try ShippedModel.load().configuration
        let found = MentionFinder(
            keywords: demo.keywords, vocabulary: TokenVocabulary(tokens: configuration.vocabulary),
            clock: Transcriber.clock(for: configuration),
            spottingThreshold: configuration.spottingThreshold ?? KeywordSpotter.defaultThreshold
        )
        .mentions(in: demo.transcript, utterances: demo.utterances)
        let scored = Self.score(found: found, reference: demo.reference)
        let hours = demo.transcript.duration / 3600
        let falseHitsPerHour = Double(scored.falseHits.count) / hours
        let claimedRecall = try ShippedModel.claimed("demo-mention-recall", measured: scored.recall)
        let claimedFalseHits = try ShippedModel.claimed("demo-false-hits-per-hour", measured: falseHitsPerHour)
        #expect(
            scored.recall >= claimedRecall - Self.recallTolerance,
            "mention recall \(scored.recall) of \(scored.referenceCount), model card \(claimedRecall)")
        #expect(
            falseHitsPerHour <= claimedFalseHits + 1 / hours,
            "false hits: \(scored.falseHits.map { "\($0.keyword)@\($0.time)" }), model card \(claimedFalseHits)/h")
        ShippedModel.expect(scored.recall, meets: .atLeast(0.95), cardClaims: claimedRecall, "demo mention recall")
        ShippedModel.expect(
            falseHitsPerHour, meets: .atMost(1), cardClaims: claimedFalseHits, "demo false hits per hour")
    }
}
