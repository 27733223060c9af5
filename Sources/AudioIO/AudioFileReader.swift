import CSndFile
import Foundation

/// Streams a recording from disk in blocks, downmixed to mono, at the file's own sample rate.
///
/// Any container libsndfile reads works (WAV, FLAC, OGG/Vorbis, Opus, MP3, AIFF, …). Memory is one
/// block, whatever the file's length. Problems surface as `AudioIOError`s that name the file.
public final class AudioFileReader {
    /// The header's description of the file.
    public let info: AudioFileInfo
    private let handle: OpaquePointer
    private var interleaved: [Float] = []
    private var framesDelivered: Int64 = 0
    private var finished = false

    /// Opens `path`, checking that it exists, is non-empty, is audio and holds at least one frame.
    public init(path: String) throws(AudioIOError) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .fileNotFound(path: path) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .notAFile(path: path, kind: "a folder")
        default: throw .notAFile(path: path, kind: "a device, pipe or socket")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        if size == 0 { throw .emptyFile(path: path) }

        let (handle, raw) = try SndFile.openForReading(path)
        guard raw.frames > 0, raw.channels > 0, raw.samplerate > 0 else {
            SndFile.close(handle)
            throw .noAudio(path: path)
        }
        // Lengths libsndfile cannot determine (an OGG stream cut off mid-page) come back as the maximum.
        if raw.frames == Int64.max {
            SndFile.close(handle)
            throw .truncated(path: path, detail: "the stream's end is missing, so its length cannot be read")
        }
        if let note = SndFile.truncationNote(handle) {
            SndFile.close(handle)
            throw .truncated(path: path, detail: note)
        }
        let names = SndFile.formatNames(raw.format)
        self.handle = handle
        self.info = AudioFileInfo(
            path: path, sampleRate: Int(raw.samplerate), channels: Int(raw.channels),
            frames: Int64(raw.frames), container: names.container, encoding: names.encoding)
    }

    deinit { SndFile.close(handle) }

    /// Reads the next block of at most `maxFrames` frames, averaged over channels, into `mono`
    /// (its previous contents are replaced). Returns `false`, with `mono` empty, at the end of the file.
    ///
    /// Throws `.truncated` when the stream ends before the length the header declared or the
    /// decoder reports an error part-way: a broken recording must not pass for a short one.
    public func readMono(into mono: inout [Float], maxFrames: Int = 16_384) throws(AudioIOError) -> Bool {
        mono.removeAll(keepingCapacity: true)
        guard !finished else { return false }
        let channels = info.channels
        if interleaved.count < maxFrames * channels { interleaved = [Float](repeating: 0, count: maxFrames * channels) }
        let got = interleaved.withUnsafeMutableBufferPointer {
            SndFile.readFrames(handle, into: $0.baseAddress!, frames: maxFrames)
        }
        if let message = SndFile.pendingError(handle) {
            throw .truncated(path: info.path, detail: "decoder error after \(framesDelivered) frames: \(message)")
        }
        guard got > 0 else {
            finished = true
            if framesDelivered < info.frames {
                throw .truncated(
                    path: info.path,
                    detail: "header declares \(info.frames) frames, stream ends after \(framesDelivered)")
            }
            return false
        }
        framesDelivered += Int64(got)
        Downmix.average(interleaved, frames: got, channels: channels, into: &mono)
        return true
    }
}
