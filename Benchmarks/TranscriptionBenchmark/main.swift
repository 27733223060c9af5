// Transcription benchmark: real-time factor of features + acoustic model + decoding.
//
//   swift run -c release TranscriptionBenchmark [model.safetensors] [minutes | recording] [widths, e.g. 16,32]
//
// Builds a speech-like recording of the requested length (default 10 minutes) from the bundled clips
// with pauses between them, or takes the recording given (real speech: the keyword benchmark's
// pseudo-broadcasts), then transcribes it in this process with 1 and 2 model threads: greedy,
// and for each beam width (default: the product's) beam search and beam search with the language model.
// The reference measured in the same run is the front end alone (decode, segment, log-mel), so the
// model's share is visible.
// RTF = processing seconds / audio seconds (lower is better).
import Acoustic
import AudioIO
import Features
import Foundation
import Transcription

let arguments = CommandLine.arguments
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
guard let modelPath = arguments.count > 1 ? arguments[1] : ModelLocator.defaultModelPath() else {
    print("no model: pass a model file or ship Models/\(ModelLocator.shippedModelName)")
    exit(1)
}
let widths =
    arguments.count > 3
    ? arguments[3].split(separator: ",").compactMap { Int($0) } : [Transcriber.Options().beamWidth]

/// Writes a recording to `path`: the clips in turn, 0.6 s of faint noise between them, until `minutes` is
/// reached. Returns its length in seconds.
func buildRecording(at path: String, minutes: Double) throws -> Double {
    let clips = try [
        "greeting-44k-stereo.flac", "price-8k.wav", "delivery-22k.ogg", "size-48k.mp3", "quality-48k.opus",
    ]
    .map { try AudioDecoder.decodeAll(path: repository.appendingPathComponent("AudioSamples/\($0)").path) }
    let writer = try AudioFileWriter(path: path, sampleRate: 16_000, container: .flac)
    var written = 0, index = 0
    var state: UInt32 = 7
    while Double(written) < minutes * 60 * 16_000 {
        let pause = (0..<9_600).map { _ -> Float in
            state = state &* 1_664_525 &+ 1_013_904_223
            return Float(Int32(bitPattern: state)) / Float(Int32.max) * 0.002
        }
        let piece = pause + clips[index % clips.count]
        try writer.write(piece)
        written += piece.count
        index += 1
    }
    try writer.close()
    return Double(written) / 16_000
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("transcription-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
// The second argument names a recording, or the minutes of one to build.
let path: String, audioSeconds: Double
if arguments.count > 2 && FileManager.default.fileExists(atPath: arguments[2]) {
    path = arguments[2]
    audioSeconds = try AudioFileReader(path: path).info.duration
} else {
    path = folder.appendingPathComponent("broadcast.flac").path
    audioSeconds = try buildRecording(at: path, minutes: arguments.count > 2 ? Double(arguments[2]) ?? 10 : 10)
}

func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let frontEnd = try timed {
    let decoder = try AudioDecoder(path: path)
    let segmenter = PauseSegmenter()
    var frames = 0
    while let block = try decoder.nextBlock() {
        for segment in segmenter.process(block) { frames += LogMelExtractor.compute(segment.samples).count }
    }
}
print(String(format: "audio: %.1f min; model: %@", audioSeconds / 60, modelPath))
print(String(format: "reference, front end only (decode, segment, log-mel): RTF %.4f", frontEnd / audioSeconds))
// Decodings: greedy, beam search, and beam search fused with the model's language model (the product's).
let languageModel = try ModelLocator.languageModelPath(forModel: modelPath).map { try NgramLanguageModel(path: $0) }
let decodings: [(name: String, beam: Int, languageModel: NgramLanguageModel?)] =
    [("greedy", 1, nil)]
    + widths.flatMap { beam in
        [("beam \(beam)", beam, nil)] + (languageModel.map { [("beam \(beam) + LM", beam, $0)] } ?? [])
    }
for threads in [1, 2] {
    for decoding in decodings {
        var options = Transcriber.Options()
        options.beamWidth = decoding.beam
        options.languageModel = decoding.languageModel
        let transcriber = try Transcriber(model: try AcousticModel(path: modelPath, threads: threads), options: options)
        var words = 0
        let seconds = try timed { words = try transcriber.transcribe(path: path).words.count }
        print(
            String(
                format: "threads %d, %@: RTF %.4f (%.0f× real time; %.1f× the front end), %d words",
                threads, decoding.name.padding(toLength: 12, withPad: " ", startingAt: 0), seconds / audioSeconds,
                audioSeconds / seconds, seconds / frontEnd, words))
    }
}
