import Foundation
import Testing
import TextDecoding
import Transcripts

@testable import Validation

/// Reading TSV, plain text, SRT, WebVTT, JSON and directories, and the errors for bad input.
struct TranscriptLoaderTests {
    let loader = TranscriptLoader()

    /// TSV rows become items; the header and blank lines are skipped.
    @Test func tsv() throws {
        let transcript = try loader.load(try FixturePaths.format("refs.tsv"))
        #expect(transcript.layout == .collection)
        #expect(transcript.items.map(\.id) == ["u1", "u2", "u3"])
        #expect(transcript.items[1].text == "2개 구매하시면 하나 더 드려요.")
        #expect(transcript.items[1].location?.line == 4)
    }

    /// CRLF line ends and a byte-order mark are accepted.
    @Test func crlfAndBOM() throws {
        let path = try FixturePaths.scratch("crlf.tsv", bytes: [0xEF, 0xBB, 0xBF] + Array("a\t가\r\nb\t나\r\n".utf8))
        #expect(try loader.load(path).items.map(\.text) == ["가", "나"])
    }

    /// A row without a tab is reported with file and line.
    @Test func tsvWithoutTab() throws {
        let path = try FixturePaths.scratch("bad.tsv", "a\t가\nb 나\n")
        #expect(
            throws: TranscriptError.malformed(
                path: path, line: 2,
                problem: "expected `id<TAB>text` but found no tab; separate the id from the text with a tab")
        ) {
            try loader.load(path)
        }
    }

    /// A repeated id is reported with both places.
    @Test func duplicateID() throws {
        let path = try FixturePaths.scratch("dup.tsv", "a\t가\na\t나\n")
        #expect(throws: TranscriptError.duplicateID(id: "a", path: path, line: 2, firstSeen: "\(path):1")) {
            try loader.load(path)
        }
    }

    /// A CP949 reference (Korean Excel's default) is read as CP949.
    @Test func cp949() throws {
        // 한글
        let path = try FixturePaths.scratch("cp949.tsv", bytes: Array("u1\t".utf8) + [0xC7, 0xD1, 0xB1, 0xDB, 0x0A])
        #expect(try loader.load(path).items.map(\.text) == ["한글"])
    }

    /// Files in no known encoding are refused with the line and a hint.
    @Test func notText() throws {
        let path = try FixturePaths.scratch("bad.txt", bytes: [0x61, 0x0A, 0xFF, 0xFF, 0x80])
        #expect(throws: TranscriptError.notText(path: path, problem: .unknownEncoding(line: 2))) {
            try loader.load(path)
        }
    }

    /// A missing path that no resolver knows gives the documented message.
    @Test func noSuchFileOrBroadcast() {
        #expect(throws: TranscriptError.noSuchFileOrBroadcast("b-1234")) { try loader.load("b-1234") }
        #expect(TranscriptError.noSuchFileOrBroadcast("X").description.hasPrefix("no such file or broadcast: X"))
    }

    /// Resolvers are asked for names that are not paths: the broadcast-id extension point. A name none knows
    /// is reported with where each looked.
    @Test func resolverExtensionPoint() throws {
        struct Catalog: TranscriptResolver {
            let searched = "the broadcasts of workspace /ws"
            func transcript(named name: String) throws(TranscriptError) -> ItemizedTranscript? {
                name == "b-1234"
                    ? ItemizedTranscript(source: name, layout: .document, items: [TranscriptItem(id: name, text: "가")])
                    : nil
            }
        }
        let loader = TranscriptLoader(resolvers: [Catalog()])
        #expect(try loader.load("b-1234").items.first?.text == "가")
        #expect(throws: TranscriptError.noSuchFileOrBroadcast("b-9", searched: ["the broadcasts of workspace /ws"])) {
            try loader.load("b-9")
        }
        #expect(
            TranscriptError.noSuchFileOrBroadcast("b-9", searched: ["the broadcasts of workspace /ws"]).description
                .hasSuffix("or one of the broadcasts of workspace /ws)"))
    }

    /// A directory pairs `<id>.ref.txt` as `<id>`, skips hidden and unknown files, and joins lines.
    @Test func directory() throws {
        let transcript = try loader.load(try FixturePaths.format("refdir"))
        #expect(transcript.items.map(\.id) == ["a", "b"])
        #expect(transcript.items[1].text == "지금 바로 담아 주세요")
    }

    /// SRT cues make one document with word times spread over each cue; markup is dropped.
    @Test func srtDocument() throws {
        let transcript = try loader.load(try FixturePaths.format("show.srt"))
        #expect(transcript.layout == .document)
        let item = try #require(transcript.items.first)
        #expect(item.id == "show")
        #expect(item.text == "오늘 특가는 39,000원입니다! 지금 바로 담아 주세요")
        let words = try #require(item.words)
        #expect(words.first == TimedWord(text: "오늘", start: 1.0, end: 1.0 + 2.0 * 2 / 5, confidence: 1))
        #expect(words.count == 7)
    }

    /// With cues as items, each cue is an item keyed by its number.
    @Test func srtCuesAsItems() throws {
        let transcript = try TranscriptLoader(options: .init(cuesAsItems: true)).load(
            try FixturePaths.format("show.srt"))
        #expect(transcript.items.map(\.id) == ["1", "2", "3"])
        #expect(transcript.items[2].location?.line == 9)
    }

    /// WebVTT: header and NOTE skipped, identifiers kept, inline timestamps give word starts.
    @Test func vtt() throws {
        let cues = try TranscriptLoader(options: .init(cuesAsItems: true)).load(try FixturePaths.format("show.vtt"))
        #expect(cues.items.map(\.id) == ["intro", "2", "3"])
        #expect(cues.items[1].text == "삼만 구천 원입니다")
        let words = try #require(cues.items[0].words)
        #expect(
            words == [
                TimedWord(text: "오늘", start: 1.1, end: 2.1, confidence: 1),
                TimedWord(text: "특가는", start: 2.1, end: 3.1, confidence: 1),
            ])
    }

    /// A WebVTT file without its header is refused at line 1.
    @Test func vttWithoutHeader() throws {
        let path = try FixturePaths.scratch("bad.vtt", "00:01.000 --> 00:02.000\n가\n")
        #expect(
            throws: TranscriptError.malformed(
                path: path, line: 1, problem: "expected the `WEBVTT` header on the first line")
        ) {
            try loader.load(path)
        }
    }

    /// A bad cue timing names its line.
    @Test func badTiming() throws {
        let path = try FixturePaths.scratch(
            "bad.srt", "1\n00:00:01,000 --> 00:00:02,000\n가\n\n2\n00:00:0x,000 --> 00:00:03,000\n나\n")
        do {
            _ = try loader.load(path)
            Issue.record("expected an error")
        } catch {
            guard case .malformed(_, let line, let problem) = error else { Issue.record("\(error)"); return }
            #expect(line == 6)
            #expect(problem.contains("00:00:0x,000"))
        }
    }

    /// JSON transcripts: segment text, `word` or `text` keys, a word's confidence kept (1 when absent).
    @Test func json() throws {
        let item = try #require(try loader.load(try FixturePaths.format("show.json")).items.first)
        #expect(item.text == "오늘 특가는 삼만 구천 원입니다")
        #expect(item.words?.count == 5)
        #expect(item.words?[2] == TimedWord(text: "삼만", start: 3.6, end: 4.4, confidence: 1))
    }

    /// Broken JSON names the key path.
    @Test func invalidJSON() throws {
        let path = try FixturePaths.scratch("bad.json", #"{"words": [{"text": "가", "start": 1}]}"#)
        #expect(throws: TranscriptError.invalidJSON(path: path, problem: "missing \"end\" at .words[0]")) {
            try loader.load(path)
        }
    }
}
