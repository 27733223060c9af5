import Acoustic
import AudioIO
import Foundation
import Testing
import Transcription

@testable import TranscriptAlignment

/// Cue sheets on real speech (`../shared/data/speech`, read in place, never committed): consecutive test
/// utterances laid end to end as one pseudo-broadcast, the script their references with every fifth line
/// replaced by another corpus line the speaker never said (so the line said there is an ad-lib).
@Suite(
    .enabled(
        if: ShippedModel.isShipped && RealSpeechTests.folder != nil,
        "needs the model and ../shared/data/speech"))
struct ScriptOnRealSpeechTests {
    struct Measured {
        /// Share of the words recognised in scripted utterances that come from the script.
        let fromScript: Double
        /// Script words of the unsaid lines that made it into the transcript.
        let unsaidTaken: Int
        /// Share of the words recognised in ad-lib utterances that stayed recognised.
        let adLibsKept: Double
    }

    /// A pseudo-broadcast: the utterances' posteriors end to end (0.6 s apart), recognised as the product does.
    struct Broadcast {
        let utterances: [UtterancePosteriors]
        let recognised: [TranscriptSegment]
        let texts: [String]
        let vocabulary: TokenVocabulary
        let clock: FrameClock

        init(_ rows: [(path: String, text: String)]) throws {
            let transcriber = try ShippedModel.transcriber(.product)
            var utterances: [UtterancePosteriors] = []
            var recognised: [TranscriptSegment] = []
            var start = 0.0
            for row in rows {
                let result = transcriber.recognise(try AudioDecoder.decodeAll(path: row.path), start: start)
                let end = result.segment.end
                utterances.append(UtterancePosteriors(start: start, end: end, posteriors: result.posteriors))
                recognised.append(result.segment)
                start = result.segment.end + 0.6
            }
            (self.utterances, self.recognised, texts) = (utterances, recognised, rows.map(\.text))
            vocabulary = TokenVocabulary(tokens: transcriber.model.configuration.vocabulary)
            clock = transcriber.clock
        }
    }

    /// The script (every fifth line swapped for one of `unsaid`) matched and aligned on `broadcast`.
    static func measure(_ broadcast: Broadcast, unsaid: [String]) -> Measured {
        let isAdLib = broadcast.texts.indices.map { $0 % 5 == 4 }
        let script = broadcast.texts.indices.map { isAdLib[$0] ? unsaid[$0 / 5] : broadcast.texts[$0] }
        let recognised = broadcast.recognised.filter { !$0.words.isEmpty }
        let match = ScriptMatcher().match(script: script, recognised: recognised, vocabulary: broadcast.vocabulary)
        var aligner = CueAligner(
            cues: match.passages, origin: .script, vocabulary: broadcast.vocabulary,
            clock: broadcast.clock)
        for utterance in broadcast.utterances { aligner.add(utterance) }
        let words = (aligner.finish() + match.kept).flatMap(\.words)
        func words(in index: Int) -> [TimedWord] {
            let utterance = broadcast.utterances[index]
            return words.filter { utterance.start...utterance.end ~= ($0.start + $0.end) / 2 }
        }
        let scripted = broadcast.texts.indices.filter { !isAdLib[$0] }.flatMap(words(in:))
        let adLibs = broadcast.texts.indices.filter { isAdLib[$0] }.flatMap(words(in:))
        func spoken(_ lines: [String]) -> Set<String> {
            Set(lines.flatMap { SpokenWords.of($0, vocabulary: broadcast.vocabulary).map(\.text) })
        }
        let unsaidOnly = spoken(unsaid).subtracting(spoken(broadcast.texts))
        return Measured(
            fromScript: Double(scripted.filter { $0.origin == .script }.count) / Double(max(scripted.count, 1)),
            unsaidTaken: words.filter { $0.origin == .script && unsaidOnly.contains($0.text) }.count,
            adLibsKept: Double(adLibs.filter { $0.origin == nil }.count) / Double(max(adLibs.count, 1)))
    }

    /// Read sentences (CER about 47 % with the product's decoding): most scripted words come from the sheet,
    /// the unsaid lines leave (almost) nothing, and the ad-libs stay recognised.
    @Test func emotionTTSTestSpeakers() throws {
        let rows = try RealSpeechTests.manifest("emotiontts").filter { $0["split"] == "test" }
        let said = rows.prefix(100).map { ($0["path"] ?? "", $0["spoken"] ?? "") }
        let measured = Self.measure(try Broadcast(said), unsaid: rows.suffix(20).map { $0["spoken"] ?? "" })
        print("cue sheet on emotiontts test:", measured)
        #expect(measured.fromScript >= 0.75 && measured.unsaidTaken <= 2 && measured.adLibsKept >= 0.9, "\(measured)")
    }

    /// A spontaneous TEDx talk (CER near 80 %): fewer passages are recognised as said, but what is taken is
    /// still the script's and the ad-libs stay recognised.
    @Test func pansoriTestTalk() throws {
        let rows = try RealSpeechTests.manifest("pansori").filter { $0["split"] == "test" }
        let talk = rows.first?["talk"]
        let said = rows.filter { $0["talk"] == talk }.prefix(100).map { ($0["path"] ?? "", $0["text"] ?? "") }
        let unsaid = rows.filter { $0["talk"] != talk }.prefix(20).map { $0["text"] ?? "" }
        let measured = Self.measure(try Broadcast(said), unsaid: unsaid)
        print("cue sheet on a pansori test talk:", measured)
        #expect(measured.fromScript >= 0.5 && measured.unsaidTaken <= 2 && measured.adLibsKept >= 0.9, "\(measured)")
    }
}
