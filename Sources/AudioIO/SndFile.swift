import CSndFile
import Foundation

/// The few libsndfile calls AudioIO makes, one Swift function each, so no C type leaks further.
enum SndFile {
    /// Opens `path` for reading; on failure maps libsndfile's error code to an `AudioIOError`.
    static func openForReading(_ path: String) throws(AudioIOError) -> (OpaquePointer, SF_INFO) {
        var info = SF_INFO()
        let handle = path.withCString { sf_open($0, Int32(SFM_READ), &info) }
        guard let handle else {
            throw openError(path: path, code: sf_error(nil), message: String(cString: sf_strerror(nil)))
        }
        return (handle, info)
    }

    /// Opens `path` for writing with the given libsndfile format word.
    static func openForWriting(_ path: String, sampleRate: Int, channels: Int, format: Int32)
        throws(AudioIOError) -> OpaquePointer
    {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = format
        guard sf_format_check(&info) != 0 else {
            throw .invalidArgument("libsndfile cannot write format 0x\(String(format, radix: 16)) "
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
    private static let unreadableAudioExtensions: Set<String> = ["m4a", "aac", "mp4", "wma", "amr", "ape", "ac3", "webm"]

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
        (name(of: format & Int32(SF_FORMAT_TYPEMASK), command: SFC_GET_FORMAT_MAJOR),
         name(of: format & Int32(SF_FORMAT_SUBMASK), command: SFC_GET_FORMAT_SUBTYPE))
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
            // libsndfile reports many container-specific problems with codes above the public ones.
            return .malformed(path: path, detail: message)
        }
    }
}
