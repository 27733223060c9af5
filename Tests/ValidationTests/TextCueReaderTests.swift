import Foundation
import Testing
import Validation

/// Transcripts from elsewhere read into cues whatever the file is called (`run --transcript`, `--script`):
/// each format told by its content, and malformed input reported with file and line.
struct TextCueReaderTests {
    /// SRT under a neutral name: numbered cues with times, lines joined, markup dropped.
    @Test func srt() throws {
        let path = try FixturePaths.scratch(
            "transcript.txt",
            """
            1
            00:00:01,500 --> 00:00:04,000
            오늘만 특가 <i>39,000원</i>!

            2
            00:00:05,000 --> 00:00:07,250
            무료 배송까지
            해 드려요

            """)
        let cues = try TextCueReader.cues(path: path)
        #expect(cues.map(\.text) == ["오늘만 특가 39,000원!", "무료 배송까지 해 드려요"])
        #expect(cues.map(\.span) == [1.5...4.0, 5.0...7.25])
        #expect(cues.map(\.location.line) == [1, 5])
    }

    /// WebVTT with a byte-order mark, CRLF line ends, a NOTE block, an identifier and cue settings.
    @Test func webVTTWithBOMAndCRLF() throws {
        let text =
            "WEBVTT\r\n\r\nNOTE made by the platform\r\n\r\nintro\r\n00:01.000 --> 00:03.500 align:start\r\n"
            + "<v Host>안녕하세요 여러분\r\n\r\n00:04.000 --> 00:06.000\r\n반가워요\r\n"
        let path = try FixturePaths.scratch("captions.vtt", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let cues = try TextCueReader.cues(path: path)
        #expect(cues.map(\.text) == ["안녕하세요 여러분", "반가워요"])
        #expect(cues.map(\.span) == [1.0...3.5, 4.0...6.0])
    }

    /// A JSON list of cues, with `word` accepted for `text` and a cue without times.
    @Test func jsonCueList() throws {
        let path = try FixturePaths.scratch(
            "cues.json",
            """
            [{"start": 0.5, "end": 2, "text": "안녕하세요"}, {"word": "반가워요", "start": 2.5, "end": 3}, {"text": "감사합니다"}]
            """)
        let cues = try TextCueReader.cues(path: path)
        #expect(cues.map(\.text) == ["안녕하세요", "반가워요", "감사합니다"])
        #expect(cues.map(\.span) == [0.5...2.0, 2.5...3.0, nil])
    }

    /// The pipeline's own transcript.json: its segments are the cues; extra keys are ignored.
    @Test func pipelineTranscriptJSON() throws {
        let path = try FixturePaths.scratch(
            "transcript.json",
            """
            {"duration": 9, "modelDigest": "x", "segments": [{"start": 1, "end": 4, "text": "삼만 구천 원",
             "readable": "39,000원", "words": [{"text": "삼만", "start": 1, "end": 1.5, "confidence": 0.9}]}]}
            """)
        let cues = try TextCueReader.cues(path: path)
        #expect(cues.map(\.text) == ["삼만 구천 원"])
        #expect(cues.map(\.span) == [1.0...4.0])
    }

    /// Plain text: one untimed cue per non-blank line, numbered by line.
    @Test func plainText() throws {
        let path = try FixturePaths.scratch("script.txt", "오늘 소개해 드릴 상품은\n\n  울 니트입니다  \n")
        let cues = try TextCueReader.cues(path: path)
        #expect(cues.map(\.text) == ["오늘 소개해 드릴 상품은", "울 니트입니다"])
        #expect(cues.allSatisfy { $0.span == nil })
        #expect(cues.map(\.location.line) == [1, 3])
    }

    /// A bad SRT timing line is reported with the file and its line number.
    @Test func malformedSRTTiming() throws {
        let path = try FixturePaths.scratch(
            "bad.srt",
            "1\n00:00:01,000 --> 00:00:03,000\n가\n\n"
                + "2\n00:00:05,000 --> 00:00:0x,000\n나\n")
        let problem =
            "'00:00:05,000 --> 00:00:0x,000' is not a cue timing "
            + "(expected HH:MM:SS,mmm --> HH:MM:SS,mmm with the end not before the start)"
        #expect(throws: TranscriptError.malformed(path: path, line: 6, problem: problem)) {
            try TextCueReader.cues(path: path)
        }
    }

    /// A JSON cue with a start but no end is refused, naming the cue.
    @Test func jsonCueWithoutEnd() throws {
        let path = try FixturePaths.scratch(
            "cues.json",
            #"[{"start": 1, "end": 2, "text": "가"}, {"start": 3, "text": "나"}]"#)
        let problem =
            "cue [1] needs both \"start\" and \"end\" (seconds, the end not before the start) or neither; "
            + "found 3.0 and none"
        #expect(throws: TranscriptError.invalidJSON(path: path, problem: problem)) {
            try TextCueReader.cues(path: path)
        }
    }

    /// A cue without text is refused, naming the cue; JSON of another shape with the decoder's account of where.
    @Test func jsonWithoutText() throws {
        let path = try FixturePaths.scratch("cues.json", #"[{"start": 1, "end": 2}]"#)
        #expect(throws: TranscriptError.invalidJSON(path: path, problem: "cue [0] has no \"text\"")) {
            try TextCueReader.cues(path: path)
        }
        let wrongType = try FixturePaths.scratch("cues.json", #"{"segments": [{"text": "가", "start": "soon"}]}"#)
        do {
            _ = try TextCueReader.cues(path: wrongType)
            Issue.record("a start that is not a number was accepted")
        } catch {
            #expect(error.description.hasPrefix("\(wrongType): wrong type at .segments[0].start"), "\(error)")
        }
    }
}
