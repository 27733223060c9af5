import CSndFile
import Foundation

/// The few libsndfile calls AudioIO makes, one Swift function each, so no C type leaks further.
enum SndFile {
    /// Opens `path` for reading; on failure maps libsndfile's error code to an `AudioIOError`.
    static func openForReading(_ path: String) throws(AudioIOError) -> (OpaquePointer, SF_INFO) {
        var info = SF_INFO()
        let open = { path.withCString { sf_open($0, Int32(SFM_READ), &info) } }
        let handle = hasKnownContainerMagic(path) ? open() : withStandardErrorSilenced(open)
        guard let handle else {
            throw openError(path: path, code: sf_error(nil), message: String(cString: sf_strerror(nil)))
        }
        return (handle, info)
    }

    /// First bytes of the containers libsndfile recognises by their header (WAV, RF64, FLAC, OGG, AIFF, AU, CAF, W64);
    /// anything else it hands to libmpg123 to probe as MPEG audio.
    private static let containerMagics: [[UInt8]] = [
        "RIFF", "RIFX", "RF64", "fLaC", "OggS", "FORM", ".snd", "caff", "riff",
    ]
    .map { Array($0.utf8) }

    private static func hasKnownContainerMagic(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        return containerMagics.contains(head)
    }

    private static let standardErrorLock = NSLock()

    /// Runs `body` with the process's standard error pointed at /dev/null. libmpg123, which libsndfile probes
    /// MP3 (and unrecognised) files with, prints "Note: Illegal Audio-MPEG-Header…" lines straight to
    /// stderr and has no switch for them through libsndfile. The probe takes milliseconds; a line another
    /// thread writes to stderr in that window is lost, which is why known containers skip this.
    private static func withStandardErrorSilenced<T>(_ body: () -> T) -> T {
        standardErrorLock.lock()
        defer { standardErrorLock.unlock() }
        fflush(nil)
        let saved = dup(STDERR_FILENO)
        let null = Glibc.open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard saved >= 0, null >= 0 else {
            if saved >= 0 { Glibc.close(saved) }
            if null >= 0 { Glibc.close(null) }
            return body()
        }
        dup2(null, STDERR_FILENO)
        Glibc.close(null)
        defer {
            fflush(nil)
            dup2(saved, STDERR_FILENO)
            Glibc.close(saved)
        }
        return body()
    }

    /// Opens `path` for writing with the given libsndfile format word.
    static func openForWriting(
        _ path: String, sampleRate: Int, channels: Int, format: Int32
    )
        throws(AudioIOError) -> OpaquePointer
    {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = format
        guard sf_format_check(&info) != 0 else {
            throw .invalidArgument(
                "libsndfile cannot write format 0x\(String(format, radix: 16)) "
                    + "at \(sampleRate) Hz with \(channels) channel(s)")
        }
        let handle = path.withCString { sf_open($0, Int32(SFM_WRITE), &info) }
        guard let handle else {
            throw .system(path: path, detail: "cannot create audio file: \(String(cString: sf_strerror(nil)))")
        }
        // Clip samples beyond ±1 instead of failing (FLAC) or wrapping around (integer PCM).
        sf_command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        return handle
    }

    /// Reads up to `frames` interleaved frames into `buffer`; returns the number of frames read.
    static func readFrames(_ handle: OpaquePointer, into buffer: UnsafeMutablePointer<Float>, frames: Int) -> Int {
        Int(sf_readf_float(handle, buffer, sf_count_t(frames)))
    }

    /// Writes `frames` interleaved frames; returns the number written.
    static func writeFrames(_ handle: OpaquePointer, from buffer: UnsafePointer<Float>, frames: Int) -> Int {
        Int(sf_writef_float(handle, buffer, sf_count_t(frames)))
    }

    /// The handle's pending error, if any, as libsndfile's message.
    static func pendingError(_ handle: OpaquePointer) -> String? {
        Int(sf_error(handle)) == SF_ERR_NO_ERROR ? nil : String(cString: sf_strerror(handle))
    }

    /// Audio types users commonly have that libsndfile cannot decode.
    private static let unreadableAudioExtensions: Set<String> = [
        "m4a", "aac", "mp4", "wma", "amr", "ape", "ac3", "webm",
    ]

    /// When libsndfile opened a file whose data is shorter than its header declares, it trims the
    /// length silently and notes "data : N (should be M)" in its log; returns that note, if any.
    static func truncationNote(_ handle: OpaquePointer) -> String? {
        var log = [CChar](repeating: 0, count: 8_192)
        sf_command(handle, Int32(SFC_GET_LOG_INFO), &log, Int32(log.count))
        let text = log.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        for line in text.split(separator: "\n") where line.hasPrefix("data") && line.contains("(should be") {
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int64($0) }
            if numbers.count == 2, numbers[1] < numbers[0] {
                return "header declares \(numbers[0]) data bytes, the file holds \(numbers[1])"
            }
        }
        return nil
    }

    static func close(_ handle: OpaquePointer) {
        sf_close(handle)
    }

    /// Human-readable names of the container and encoding in a libsndfile format word.
    static func formatNames(_ format: Int32) -> (container: String, encoding: String) {
        (
            name(of: format & Int32(SF_FORMAT_TYPEMASK), command: SFC_GET_FORMAT_MAJOR),
            name(of: format & Int32(SF_FORMAT_SUBMASK), command: SFC_GET_FORMAT_SUBTYPE)
        )
    }

    private static func name(of format: Int32, command: Int) -> String {
        var count: Int32 = 0
        let countCommand = command == SFC_GET_FORMAT_MAJOR ? SFC_GET_FORMAT_MAJOR_COUNT : SFC_GET_FORMAT_SUBTYPE_COUNT
        sf_command(nil, Int32(countCommand), &count, Int32(MemoryLayout<Int32>.size))
        for index in 0..<count {
            var entry = SF_FORMAT_INFO()
            entry.format = index
            sf_command(nil, Int32(command), &entry, Int32(MemoryLayout<SF_FORMAT_INFO>.size))
            if entry.format == format, let name = entry.name { return String(cString: name) }
        }
        return "format 0x\(String(format, radix: 16))"
    }

    private static func openError(path: String, code: Int32, message: String) -> AudioIOError {
        switch Int(code) {
        case SF_ERR_UNRECOGNISED_FORMAT:
            let suffix = (path as NSString).pathExtension.lowercased()
            if unreadableAudioExtensions.contains(suffix) {
                return .unsupportedFormat(path: path, detail: "libsndfile does not read .\(suffix) files")
            }
            return .notAudio(path: path, detail: message)
        case SF_ERR_UNSUPPORTED_ENCODING: return .unsupportedFormat(path: path, detail: message)
        case SF_ERR_MALFORMED_FILE: return .malformed(path: path, detail: message)
        case SF_ERR_SYSTEM: return .system(path: path, detail: message)
        default:
            // libsndfile reports many container-specific problems with codes above the public ones. When the
            // MPEG probe finds no frame in a file that exists, it says "File does not exist or is not a regular
            // file", which is untrue: say what happened instead.
            if message.hasPrefix("File does not exist") {
                return .notAudio(path: path, detail: "no audio stream found in it, not even as MP3")
            }
            return .malformed(path: path, detail: message)
        }
    }
}
