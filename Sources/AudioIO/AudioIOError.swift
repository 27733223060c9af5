/// Why a recording could not be read or written.
///
/// Every case names the file and says what is wrong in one line, so the CLI and the watched-folder
/// daemon can print it or store it as a rejection reason unchanged.
public enum AudioIOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case fileNotFound(path: String)
    /// The path is a folder (or a device, pipe or socket), not a file.
    case notAFile(path: String, kind: String)
    /// The file exists but holds zero bytes.
    case emptyFile(path: String)
    /// libsndfile does not recognise the bytes as any audio container (e.g. a text file renamed `.wav`).
    case notAudio(path: String, detail: String)
    /// A format libsndfile cannot decode: a known container with an unsupported encoding, or an
    /// audio type it does not read at all (AAC/M4A, WMA, …).
    case unsupportedFormat(path: String, detail: String)
    /// The header is damaged or inconsistent.
    case malformed(path: String, detail: String)
    /// The container is valid but holds no audio frames.
    case noAudio(path: String)
    /// The data ended before the length the header promised, or decoding failed part-way.
    case truncated(path: String, detail: String)
    /// An operating-system error (permissions, I/O) while opening, reading or writing.
    case system(path: String, detail: String)
    /// The caller asked for something impossible (e.g. a zero sample rate).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .notAFile(let path, let kind):
            return "\(path): it is \(kind), not an audio file"
        case .emptyFile(let path):
            return "\(path): the file is empty (0 bytes)"
        case .notAudio(let path, let detail):
            return "\(path): not an audio file that libsndfile recognises (\(detail))"
        case .unsupportedFormat(let path, let detail):
            return "\(path): unsupported audio format (\(detail)); convert it to WAV, FLAC, OGG, Opus or MP3"
        case .malformed(let path, let detail):
            return "\(path): the audio file is damaged (\(detail))"
        case .noAudio(let path):
            return "\(path): the file holds no audio (zero-length stream)"
        case .truncated(let path, let detail):
            return "\(path): the audio is truncated or corrupt (\(detail))"
        case .system(let path, let detail):
            return "\(path): \(detail)"
        case .invalidArgument(let detail):
            return "invalid argument: \(detail)"
        }
    }
}
