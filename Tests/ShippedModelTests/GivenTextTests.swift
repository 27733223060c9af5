import Acoustic
import Foundation
import Insight
import Testing
import TranscriptAlignment
import Transcription

import enum Validation.TextCueReader

/// Text from elsewhere on the demo broadcast (7.7 minutes, `AudioSamples/demo-broadcast.ref.tsv` holds each
/// line's true start and end and its written form): captions force-aligned on the shipped model's
/// posteriors, and a cue sheet followed where the host follows it.
@Suite(.enabled(if: ShippedModel.isShipped, "no model in Models/ yet"))
struct GivenTextTests {
    /// One line of the demo's script, as the generator placed it.
    struct Line: Sendable {
        let span: ClosedRange<Double>
        let spoken: String
        let written: String
    }

    /// The demo's posteriors, lines and keywords, computed once for the suite.
    struct Demo: Sendable {
        let utterances: [UtterancePosteriors]
        /// The utterances recognised freely (greedy, as the model card measures the model).
        let recognised: [TranscriptSegment]
        let lines: [Line]
        let keywords: KeywordList
        let vocabulary: TokenVocabulary
        let clock: FrameClock
    }

    static let demo = Result { () throws -> Demo in
        let samples = ShippedModel.repository.appendingPathComponent("AudioSamples")
        let transcriber = try ShippedModel.transcriber()
        var utterances: [UtterancePosteriors] = []
        _ = try transcriber.posteriorsStream.stream(path: samples.appendingPathComponent("demo-broadcast.ogg").path) {
            utterances.append(UtterancePosteriors(start: $0.start, end: $0.end, posteriors: $0.posteriors))
        }
        let lines = try tableRows(samples.appendingPathComponent("demo-broadcast.ref.tsv")).map { row in
            Line(
                span: try #require(Double(row["start"] ?? ""))...(try #require(Double(row["end"] ?? ""))),
                spoken: row["spoken"] ?? "", written: row["written"] ?? "")
        }
        let keywords = try KeywordList.load(path: samples.appendingPathComponent("demo-broadcast.keywords.csv").path)
        let recognised = utterances.map { transcriber.decode($0.posteriors, start: $0.start, end: $0.end) }
        return Demo(
            utterances: utterances, recognised: recognised.filter { !$0.words.isEmpty }, lines: lines,
            keywords: keywords, vocabulary: TokenVocabulary(tokens: transcriber.model.configuration.vocabulary),
            clock: transcriber.clock)
    }

    /// Segments of `cues` aligned on the demo's posteriors.
    static func aligned(_ cues: [CueAligner.Cue], origin: WordOrigin, demo: Demo) -> [TranscriptSegment] {
        var aligner = CueAligner(cues: cues, origin: origin, vocabulary: demo.vocabulary, clock: demo.clock)
        for utterance in demo.utterances { aligner.add(utterance) }
        return aligner.finish()
    }

    /// SRT captions timed loosely (each cue from a second before its line to a second after, written
    /// numbers and punctuation as a platform shows them): every scripted keyword mention is found, from
    /// caption words, inside the line it was said in, which words spread over the loose cue would miss.
    @Test func captionsPutMentionsWhereTheyWereSaid() throws {
        let demo = try Self.demo.get()
        let srt = demo.lines.enumerated().map { index, line in
            let timing = Self.srtTime(line.span.lowerBound - 1) + " --> " + Self.srtTime(line.span.upperBound + 1)
            return "\(index + 1)\n\(timing)\n\(line.written)\n"
        }.joined(separator: "\n")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString).srt")
        try srt.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let cues = try TextCueReader.cues(path: file.path).map { cue in
            CueAligner.Cue(text: cue.text, span: try #require(cue.span))
        }
        let segments = Self.aligned(cues, origin: .caption, demo: demo)
        #expect(segments.flatMap(\.words).allSatisfy { $0.origin == .caption })

        let transcript = Transcript(duration: 460, modelDigest: "", segments: segments)
        let found = MentionFinder(keywords: demo.keywords).mentions(in: transcript)
        let script = Transcript(
            duration: 460, modelDigest: "",
            segments: demo.lines.map { line in
                ReferenceScript.segment(
                    start: line.span.lowerBound, end: line.span.upperBound,
                    spoken: line.spoken)
            })
        let expected = MentionFinder(keywords: demo.keywords).mentions(in: script)
        #expect(expected.count >= 40)
        #expect(found.map(\.keyword) == expected.map(\.keyword))
        for (mention, reference) in zip(found, expected) {
            let line = try #require(demo.lines.first { $0.span.contains(reference.time) })
            #expect(
                line.span.lowerBound - 0.1 <= mention.time && mention.end <= line.span.upperBound + 0.1,
                "\(mention.keyword) at \(mention.time)…\(mention.end), said in \(line.span)")
        }
    }

    /// A cue sheet with a passage the host never said in place of a line the host added: the added line
    /// keeps its recognised words, the unsaid passage leaves no word, and the lines said come from the sheet.
    @Test func scriptKeepsAdLibsAndDropsWhatWasNotSaid() throws {
        let demo = try Self.demo.get()
        let adLib = try #require(demo.lines.firstIndex { $0.written.hasPrefix("민지님") })
        let unsaid = "환불 규정은 상세 페이지에서 꼭 확인해 주시고 궁금한 점은 고객 센터로 문의해 주세요."
        var script = demo.lines.map(\.written)
        script[adLib] = unsaid  // where the host greeted a viewer instead: the hardest place to tell them apart
        let match = ScriptMatcher().match(script: script, recognised: demo.recognised, vocabulary: demo.vocabulary)
        let words = (Self.aligned(match.passages, origin: .script, demo: demo) + match.kept).flatMap(\.words)

        let unsaidWords = Set(["환불", "규정은", "상세", "페이지에서", "고객", "센터로", "문의해"])
        #expect(!words.contains { $0.origin == .script && unsaidWords.contains($0.text) })
        let inAdLib = words.filter { demo.lines[adLib].span.contains(($0.start + $0.end) / 2) }
        #expect(
            !inAdLib.isEmpty && inAdLib.allSatisfy { $0.origin == nil },
            "\(inAdLib.map { "\($0.text):\($0.origin?.rawValue ?? "-")" })")
        let inScript = words.filter { word in
            demo.lines.indices.contains { $0 != adLib && demo.lines[$0].span.contains((word.start + word.end) / 2) }
        }
        let fromScript = Double(inScript.filter { $0.origin == .script }.count) / Double(inScript.count)
        #expect(fromScript >= 0.9, "\(fromScript) of the words in scripted lines come from the script")
    }

    /// `HH:MM:SS,mmm`.
    static func srtTime(_ seconds: Double) -> String {
        let milliseconds = Int((max(0, seconds) * 1000).rounded())
        return String(
            format: "%02d:%02d:%02d,%03d", milliseconds / 3_600_000, milliseconds / 60_000 % 60,
            milliseconds / 1000 % 60, milliseconds % 1000)
    }
}
