import ArgumentParser
import AudioIO
import Features
import Foundation

extension LiveInsight {
    /// `liveinsight features <audio> [--out file.npy]`: the acoustic model's log-mel input.
    struct Features: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute 80-bin log-mel features (25 ms / 10 ms) of a recording.",
            discussion: """
                The recording is decoded, downmixed to mono and resampled to 16 kHz while streaming, so \
                memory stays flat however long it is. With --out, the frames are written as a float32 \
                NumPy matrix (frames × 80); the file appears only once complete. Without --out, a summary \
                is printed.
                """)

        @Argument(help: "A recording in any format libsndfile reads.")
        var audio: String

        @Option(name: .shortAndLong, help: "Write the features to this .npy file.")
        var out: String?

        func run() throws {
            let decoder = try AudioDecoder(path: audio)
            let extractor = LogMelExtractor()
            let writer = try out.map { try NpyMatrixWriter(path: $0, columns: extractor.options.melBins) }
            let progress = ProgressReporter(label: "features", total: decoder.info.duration, unit: "s")
            var statistics = RunningStatistics()
            var samplesSeen = 0
            var frames: [Float] = []
            while let block = try decoder.nextBlock() {
                frames.removeAll(keepingCapacity: true)
                extractor.process(block, into: &frames)
                statistics.add(frames)
                try writer?.append(frames)
                samplesSeen += block.count
                progress.update(Double(samplesSeen) / Double(decoder.outputRate))
            }
            progress.finish()
            try writer?.finish()
            let count = extractor.framesEmitted
            if let out {
                print("wrote \(count) frames × \(extractor.options.melBins) mel bins to \(out)")
            } else {
                print(
                    "\(count) frames × \(extractor.options.melBins) mel bins "
                        + String(
                            format: "(%.2f s at 16 kHz); log-mel min %.3f, mean %.3f, max %.3f",
                            Double(samplesSeen) / 16_000, statistics.minimum, statistics.mean, statistics.maximum))
            }
        }
    }
}

/// Minimum, mean and maximum over every value seen.
private struct RunningStatistics {
    var minimum = Float.infinity, maximum = -Float.infinity
    private var sum = 0.0, count = 0
    var mean: Double { count > 0 ? sum / Double(count) : .nan }

    mutating func add(_ values: [Float]) {
        for value in values {
            minimum = min(minimum, value)
            maximum = max(maximum, value)
            sum += Double(value)
        }
        count += values.count
    }
}
