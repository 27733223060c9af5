// Re-alignment benchmark: a new keyword list against a 2-hour broadcast's checkpoints.
//
//   swift run -c release AlignmentBenchmark [hours]
//   swift run -c release AlignmentBenchmark --acceptance [runs]   (issue #22's acceptance sweep: Acceptance.swift)
//
// Builds, in memory and on disk, what the pipeline keeps for a broadcast of the given length (default 2 h):
// a transcript JSON (an utterance every ~6 s, keywords sprinkled in), sparse CTC posteriors for every
// output frame (top 8 per frame, 25 frames per second), and a simulated event log CSV (~1,200 viewers).
// Then times the re-alignment as `liveinsight align` runs it — read the transcript and events, find
// mentions (transcript matching + acoustic keyword spotting over every frame), fit the rate model,
// credit, funnels, summary — for a 50-keyword list. The reference measured in the same run is reading
// the event log alone. Goal: under 1 s for 2 hours.
import Acoustic
import Foundation
import Insight
import Transcription

if CommandLine.arguments.dropFirst().first == "--acceptance" {
    try runAcceptanceSweep(runs: CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 200 : 200)
    exit(0)
}
let hours = CommandLine.arguments.count > 1 ? Double(CommandLine.arguments[1]) ?? 2 : 2
let duration = hours * 3_600
let syllables = (0..<400).map { String(UnicodeScalar(0xAC00 + $0 * 27)!) }
let keywordTexts: [String] = (0..<50).map { (i: Int) -> String in
    let head: String = syllables[(i * 7) % 400] + syllables[(i * 13 + 5) % 400]
    return i % 3 == 0 ? head + syllables[(i * 3 + 1) % 400] : head
}
let list = KeywordList(keywords: keywordTexts.enumerated().map { Keyword(text: $1, topic: "topic\($0 % 6)") })
var random = SystemRandomNumberGenerator()

// Transcript: utterances of 12 words every 6 s; one word in four is a keyword.
var segments: [TranscriptSegment] = []
var start = 0.0
while start + 5 < duration {
    var words: [TimedWord] = []
    for i in 0..<12 {
        let filler: String = syllables.randomElement(using: &random)! + syllables.randomElement(using: &random)!
        let text: String = i % 4 == 0 ? keywordTexts.randomElement(using: &random)! : filler
        let wordStart = start + Double(i) * 0.4
        words.append(TimedWord(text: text, start: wordStart, end: wordStart + 0.35, confidence: 0.9))
    }
    let text = words.map { (word: TimedWord) in word.text }.joined(separator: " ")
    segments.append(TranscriptSegment(start: start, end: start + 5, text: text, words: words))
    start += 6
}
let transcript = Transcript(duration: duration, modelDigest: "bench", segments: segments)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("align-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let transcriptPath = folder.appendingPathComponent("transcript.json").path
try JSONEncoder().encode(transcript).write(to: URL(fileURLWithPath: transcriptPath))

// Sparse posteriors: per 5 s utterance 125 frames, mostly blank, keyword syllables now and then.
let vocabulary = TokenVocabulary(tokens: ["<blank>", "<unk>", "▁"] + syllables)
let utterances: [(start: Double, posteriors: SparsePosteriors)] = segments.map { segment in
    let frames = 125, keep = 8
    var units = [UInt16](), values = [Float]()
    for _ in 0..<frames {
        let top = UInt16.random(in: 0..<UInt16(vocabulary.tokens.count), using: &random)
        units += [top] + (1..<keep).map { UInt16(($0 * 31 + Int(top)) % vocabulary.tokens.count) }
        values += [-0.05] + (1..<keep).map { -3 - Float($0) }
    }
    return (
        segment.start,
        SparsePosteriors(
            frames: frames, vocabularySize: vocabulary.tokens.count, keep: keep,
            units: units, values: values, floors: [Float](repeating: -15, count: frames))
    )
}

// Events: the simulator over the whole broadcast.
let mentions = MentionFinder(keywords: list).mentions(in: transcript)
var setup = BroadcastSimulator.Setup(
    duration: duration, mentions: mentions, planted: [keywordTexts[0]: 2],
    products: [.init(id: "P1", price: 30_000)])
setup.seed = 3
let eventsPath = folder.appendingPathComponent("events.csv").path
try Data(BroadcastSimulator.csv(BroadcastSimulator(setup: setup).run()).utf8).write(
    to: URL(fileURLWithPath: eventsPath))

func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let begin = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9)
}

var best = (total: Double.infinity, reading: 0.0, mentions: 0.0, analysis: 0.0, events: 0, found: 0)
var referenceTime = Double.infinity
for _ in 0..<3 {
    let (_, reference) = try timed { try EventLog.load(path: eventsPath, duration: duration) }
    referenceTime = min(referenceTime, reference)
    let ((loaded, log), reading) = try timed {
        (
            try JSONDecoder().decode(Transcript.self, from: Data(contentsOf: URL(fileURLWithPath: transcriptPath))),
            try EventLog.load(path: eventsPath, duration: duration)
        )
    }
    let (found, finding) = timed {
        MentionFinder(keywords: list, vocabulary: vocabulary).mentions(in: loaded, utterances: utterances)
    }
    let (_, analysis) = timed { AlignmentAnalysis.analyse(mentions: found, events: log, duration: duration) }
    let total = reading + finding + analysis
    if total < best.total { best = (total, reading, finding, analysis, log.events.count, found.count) }
}
print(
    String(
        format: "%.1f h broadcast: %d utterances, %d frames, %d events, 50 keywords → %d mentions",
        hours, segments.count, utterances.count * 125, best.events, best.found))
print(String(format: "reference, reading the event log alone: %.3f s", referenceTime))
print(
    String(
        format:
            "re-alignment: %.3f s (read transcript+events %.3f, mentions %.3f, analysis %.3f) = %.1f× the reference",
        best.total, best.reading, best.mentions, best.analysis, best.total / referenceTime))

// Transcript matching as a keyword list grows (issue #21 item 2): the 50 keywords plus one keyword with the
// most variants a list may give it (`KeywordList.maxVariantsPerKeyword`), against the 50 keywords alone in
// the same run. The matcher walks a trie, so the ratio stays near 1 rather than growing with the variants.
let variants = (0..<KeywordList.maxVariantsPerKeyword).map { (i: Int) -> String in
    syllables[i % 400] + syllables[(i / 400 + 7) % 400] + syllables[(i * 7 + 3) % 400]
}
let wideList = KeywordList(keywords: list.keywords + [Keyword(text: "변형", topic: "wide", variants: variants)])
var plainMatching = Double.infinity, wideMatching = Double.infinity
for _ in 0..<3 {
    plainMatching = min(plainMatching, timed { KeywordMatcher(keywords: list).mentions(in: transcript) }.1)
    wideMatching = min(wideMatching, timed { KeywordMatcher(keywords: wideList).mentions(in: transcript) }.1)
}
print(
    String(
        format: "transcript matching: 50 keywords %.3f s; plus one keyword of %d variants %.3f s = %.2f× the 50 alone",
        plainMatching, variants.count, wideMatching, wideMatching / plainMatching))
