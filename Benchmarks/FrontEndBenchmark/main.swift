// Front-end benchmark: decode + downmix + resample + log-mel on a generated 1-hour recording.
//
//   swift run -c release FrontEndBenchmark [minutes]        (default 60)
//
// Generates a 44.1 kHz stereo FLAC of the requested length (the bundled greeting clip repeated,
// with seeded noise so it does not compress to nothing), then measures in child processes, one
// core each: (1) the reference, libsndfile decode alone; (2) the whole front end. Reports speed as
// a multiple of real time, the front end's cost relative to decoding alone, and the front end's
// peak resident memory (which must not grow with the recording's length).
import AudioIO
import Features
import Foundation

func measure(_ mode: String, _ path: String) throws {
    let started = Date()
    var frames = 0
    if mode == "decode" {
        let reader = try AudioFileReader(path: path)
        var block: [Float] = []
        while try reader.readMono(into: &block) { frames += block.count }
    } else {
        let decoder = try AudioDecoder(path: path)
        let extractor = LogMelExtractor()
        var features: [Float] = []
        while let block = try decoder.nextBlock() {
            features.removeAll(keepingCapacity: true)
            frames += extractor.process(block, into: &features)
        }
    }
    print("\(Date().timeIntervalSince(started)) \(frames)")
}

func runChild(_ mode: String, _ path: String) throws -> (seconds: Double, peakMB: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--measure", mode, path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let seconds = Double(output.split(separator: " ").first ?? "") ?? .nan
    return (seconds, Double(usage.ru_maxrss) / 1024)  // ru_maxrss: KiB on Linux; max over children so far
}

func generate(path: String, minutes: Double) throws {
    let clipPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("AudioSamples/greeting-44k-stereo.flac").path
    let reader = try AudioFileReader(path: clipPath)
    var clip: [Float] = [], block: [Float] = []
    while try reader.readMono(into: &block) { clip += block }
    let writer = try AudioFileWriter(path: path, sampleRate: 44_100, channels: 2, container: .flac)
    var state: UInt64 = 42
    var written = 0
    let total = Int(minutes * 60 * 44_100)
    while written < total {
        let count = min(clip.count, total - written)
        var stereo = [Float](repeating: 0, count: 2 * count)
        for i in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Float(Int64(bitPattern: state) >> 40) / Float(1 << 23) * 0.01
            stereo[2 * i] = clip[i] + noise
            stereo[2 * i + 1] = 0.8 * clip[i] - noise
        }
        try writer.write(stereo)
        written += count
    }
    try writer.close()
}

let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "--measure" {
    try measure(arguments[2], arguments[3])
    exit(0)
}
let minutes = arguments.count > 1 ? Double(arguments[1]) ?? 60 : 60
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("liveinsight-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let path = folder.appendingPathComponent("broadcast.flac").path
print("generating a \(minutes)-minute 44.1 kHz stereo FLAC …")
try generate(path: path, minutes: minutes)
let seconds = minutes * 60
let decode = try runChild("decode", path)
let frontEnd = try runChild("frontend", path)
print(
    String(
        format: "reference, libsndfile decode only: %7.2f s  = %6.0f× real time", decode.seconds,
        seconds / decode.seconds))
print(
    String(
        format: "front end (decode+resample+mel):   %7.2f s  = %6.0f× real time (%.2f× the decode time)",
        frontEnd.seconds, seconds / frontEnd.seconds, frontEnd.seconds / decode.seconds))
print(String(format: "peak resident memory of the runs:  %.1f MB", frontEnd.peakMB))
