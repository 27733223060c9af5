import Acoustic
import AudioIO
import Foundation
import Testing

@testable import Transcription

/// The transcriber on the seeded tiny model: structure, times and edge cases (not accuracy).
struct TranscriberTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let tinyModel = repository.appendingPathComponent("Training/fixtures/tiny-model.safetensors").path

    static func transcriber(beam: Int = 4) throws -> Transcriber {
        var options = Transcriber.Options()
        options.beamWidth = beam
        return try Transcriber(model: try AcousticModel(path: tinyModel), options: options)
    }

    static func writeWav(_ samples: [Float], rate: Int = 16_000) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("transcriber-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("clip.wav").path
        let writer = try AudioFileWriter(path: path, sampleRate: rate, container: .wav)
        try writer.write(samples)
        try writer.close()
        return path
    }

    /// Segments and words lie inside the recording, in order, with start ≤ end.
    @Test func timesAreOrderedAndInsideTheRecording() throws {
        let path = Self.repository.appendingPathComponent("AudioSamples/greeting-44k-stereo.flac").path
        let transcript = try Self.transcriber().transcribe(path: path)
        #expect(abs(transcript.duration - 5.494) < 0.01)
        #expect(!transcript.segments.isEmpty)
        let words = transcript.words
        #expect(!words.isEmpty)
        for (a, b) in zip(words, words.dropFirst()) { #expect(a.start <= b.start) }
        for word in words {
            #expect(word.start >= 0 && word.start <= word.end && word.end <= transcript.duration + 0.1)
            #expect(word.confidence > 0 && word.confidence <= 1)
        }
        for segment in transcript.segments {
            #expect(segment.words.allSatisfy { $0.start >= segment.start - 1e-9 && $0.end <= segment.end + 0.05 })
        }
    }

    /// Decoding checkpointed posteriors gives the same segment as recognising the audio.
    @Test func decodingPosteriorsMatchesRecognition() throws {
        let transcriber = try Self.transcriber()
        let samples = try AudioDecoder.decodeAll(
            path: Self.repository.appendingPathComponent("AudioSamples/price-8k.wav").path)
        let direct = transcriber.recognise(samples, start: 12)
        let again = transcriber.decode(direct.posteriors, start: 12, end: direct.segment.end)
        #expect(again == direct.segment)
    }

    /// Silence, a single sample and a few milliseconds give an empty transcript, not a crash.
    @Test(arguments: [16_000 * 5, 1, 50])
    func emptyOrTinyAudio(samples: Int) throws {
        let path = try Self.writeWav([Float](repeating: 0, count: samples))
        let transcript = try Self.transcriber().transcribe(path: path)
        #expect(transcript.segments.isEmpty)
    }

    /// Direct recognition of fewer samples than one model frame yields no words.
    @Test func recogniseTooShort() throws {
        let result = try Self.transcriber().recognise([0.1, -0.1, 0.2], start: 0)
        #expect(result.posteriors.frames == 0)
        #expect(result.segment.words.isEmpty)
    }

    /// The options choose the decoder: best path for beam 1 alone, else a beam of exactly the width asked for,
    /// hotwords included (`--beam 1` is no longer widened to 2 when hotwords are given).
    @Test func optionsChooseTheDecoder() throws {
        let configuration = try AcousticModel(path: Self.tinyModel).configuration
        var options = Transcriber.Options()
        options.beamWidth = 1
        #expect(try Transcriber.decoder(for: configuration, options: options) is GreedyDecoder)
        let word = configuration.vocabulary.first { $0.count == 1 && $0.unicodeScalars.first!.value >= 0xAC00 }
        options.hotwords = [try #require(word)]
        let biased = try #require(try Transcriber.decoder(for: configuration, options: options) as? PrefixBeamSearch)
        #expect(biased.beamWidth == 1)
        #expect(biased.hotwords != nil)
        options.beamWidth = 7
        options.hotwords = []
        let wide = try #require(try Transcriber.decoder(for: configuration, options: options) as? PrefixBeamSearch)
        #expect(wide.beamWidth == 7)
        #expect(wide.hotwords == nil && wide.languageModel == nil)
    }

    /// The posteriors stream yields what the transcriber decodes: the same utterances, in order, and the
    /// transcript is their decoding.
    @Test func transcriptIsTheDecodedStream() throws {
        let path = Self.repository.appendingPathComponent("AudioSamples/greeting-44k-stereo.flac").path
        let transcriber = try Self.transcriber()
        var streamed: [PosteriorsStream.Utterance] = []
        let duration = try transcriber.posteriorsStream.stream(path: path) { streamed.append($0) }
        var results: [Transcriber.UtteranceResult] = []
        let transcript = try transcriber.transcribe(path: path, utterance: { results.append($0) })
        #expect(duration == transcript.duration)
        #expect(!streamed.isEmpty)
        #expect(streamed.map(\.posteriors) == results.map(\.posteriors))
        #expect(streamed.map(\.start) == results.map(\.segment.start))
        let decoded = streamed.map { transcriber.decode($0.posteriors, start: $0.start, end: $0.end) }
        #expect(decoded.filter { !$0.words.isEmpty } == transcript.segments)
    }

    /// SRT and VTT have the cue timing syntax each player expects.
    @Test func subtitleFormats() throws {
        let word = TimedWord(text: "할인", start: 3661.5, end: 3662.25, confidence: 0.9)
        let transcript = Transcript(
            duration: 4000, modelDigest: "x",
            segments: [TranscriptSegment(start: 3661.5, end: 3662.25, text: "할인", words: [word])])
        #expect(try TranscriptFormat.srt.render(transcript) == "1\n01:01:01,500 --> 01:01:02,250\n할인\n")
        #expect(try TranscriptFormat.vtt.render(transcript) == "WEBVTT\n\n01:01:01.500 --> 01:01:02.250\n할인\n")
        #expect(try TranscriptFormat.text.render(transcript) == "할인\n")
        let decoded = try JSONDecoder().decode(
            Transcript.self, from: Data(try TranscriptFormat.json.render(transcript).utf8))
        #expect(decoded == transcript)
    }
}

/// Segments keep the spoken text and add a readable form with digits.
@Test func readableFormShowsDigits() {
    let segment = TranscriptSegment(start: 0, end: 1, text: "오늘 삼만 구천 원 두 개", words: [])
    #expect(segment.text == "오늘 삼만 구천 원 두 개")
    #expect(segment.readable == "오늘 39,000원 2개")
}
