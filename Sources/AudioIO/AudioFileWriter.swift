import CSndFile
import Foundation

/// Writes mono or interleaved float samples to WAV or FLAC through libsndfile.
///
/// The file appears under its final name only after `close()` succeeds (temporary name + fsync +
/// rename), so a crash or an error never leaves a half-written recording behind.
public final class AudioFileWriter {
    /// Containers the writer produces (16-bit PCM in both cases).
    public enum Container: Sendable {
        case wav, flac

        var format: Int32 {
            switch self {
            case .wav: Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
            case .flac: Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
            }
        }
    }

    private let path: String
    private let temporaryPath: String
    private let channels: Int
    private var handle: OpaquePointer?

    /// Creates the writer; nothing is visible at `path` until `close()`.
    public init(path: String, sampleRate: Int, channels: Int = 1, container: Container) throws(AudioIOError) {
        self.path = path
        self.channels = channels
        temporaryPath = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        handle = try SndFile.openForWriting(
            temporaryPath, sampleRate: sampleRate, channels: channels,
            format: container.format)
    }

    deinit {
        if let handle {
            SndFile.close(handle)
            unlink(temporaryPath)
        }
    }

    /// Appends interleaved samples (a whole number of frames).
    public func write(_ samples: [Float]) throws(AudioIOError) {
        guard let handle else { throw .invalidArgument("write after close: \(path)") }
        let frames = samples.count / channels
        let written = samples.withUnsafeBufferPointer {
            SndFile.writeFrames(handle, from: $0.baseAddress!, frames: frames)
        }
        guard written == frames else {
            throw .system(path: path, detail: "short write (\(written) of \(frames) frames)")
        }
    }

    /// Finishes the file and moves it into place atomically.
    public func close() throws(AudioIOError) {
        guard let handle else { return }
        sf_write_sync(handle)
        SndFile.close(handle)
        self.handle = nil
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw .system(path: path, detail: "cannot move the finished file into place (errno \(errno))")
        }
    }
}
