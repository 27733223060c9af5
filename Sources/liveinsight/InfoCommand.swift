import ArgumentParser
import AudioIO
import Foundation

extension LiveInsight {
    /// `liveinsight info <audio>`: what a recording's header says.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a recording's duration, sample rate, channels and format.")

        @Argument(help: "A recording in any format libsndfile reads (WAV, FLAC, OGG, Opus, MP3, …).")
        var audio: String

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let info = try AudioFileReader(path: audio).info
            if json {
                print(try JSONOutput.encode(InfoReport(info)))
            } else {
                print(
                    """
                    file:      \(info.path)
                    duration:  \(String(format: "%.3f", info.duration)) s (\(info.frames) frames)
                    rate:      \(info.sampleRate) Hz
                    channels:  \(info.channels)
                    format:    \(info.container), \(info.encoding)
                    """)
            }
        }
    }
}

/// `info --json` output: the header plus the derived duration.
private struct InfoReport: Encodable {
    let path: String, sampleRate: Int, channels: Int, frames: Int64, duration: Double, container: String,
        encoding: String

    init(_ info: AudioFileInfo) {
        (path, sampleRate, channels, frames) = (info.path, info.sampleRate, info.channels, info.frames)
        (duration, container, encoding) = (info.duration, info.container, info.encoding)
    }
}
