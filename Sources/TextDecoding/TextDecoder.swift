import Foundation

/// Reads the bytes of a user's text file (CSV, TSV, keyword lists, references) whatever the encoding it was
/// saved in: a byte-order mark decides (UTF-8, UTF-16LE/BE); without one, UTF-16 is recognised by its zero
/// bytes, then the whole file must be valid UTF-8, else valid CP949 (EUC-KR); anything else is an error
/// naming the first line that is not UTF-8. Files are never decoded with replacement characters.
public enum TextDecoder {
    /// The decoded text (without a byte-order mark) and the encoding it was read in.
    public struct Decoded: Sendable {
        public let text: String
        public let encoding: TextEncoding
    }

    /// Reads and decodes the file at `path`; a missing path, a folder or an unreadable file is an error too.
    public static func read(path: String) throws(TextDecodingError) -> Decoded {
        try requireRegularFile(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(detail: "permission denied")
        }
        return try decode(data)
    }

    /// Decodes a whole file held in memory.
    public static func decode(_ bytes: some Collection<UInt8>) throws(TextDecodingError) -> Decoded {
        let bytes = Array(bytes)
        if let announced = TextEncoding.announced(by: bytes) {
            if announced == .utf8, let text = String(validating: bytes.dropFirst(3), as: UTF8.self) {
                return Decoded(text: text, encoding: .utf8)
            }
            var output: [UInt8] = []
            let converter = try converter(announced)
            do {
                try converter.convert(bytes, isFinal: true, into: &output)
            } catch {
                throw .invalid(encoding: announced, line: 1 + output.count { $0 == 0x0A })
            }
            var text = String(decoding: output, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return Decoded(text: text, encoding: announced)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, encoding: .utf8) }
        var output: [UInt8] = []
        if (try? converter(.cp949).convert(bytes, isFinal: true, into: &output)) != nil {
            return Decoded(text: String(decoding: output, as: UTF8.self), encoding: .cp949)
        }
        output = []
        try? converter(.utf8).convert(bytes, isFinal: true, into: &output)
        throw .unknownEncoding(line: 1 + output.count { $0 == 0x0A })
    }

    /// Throws unless `path` names a regular file (not a folder, device, pipe or socket).
    static func requireRegularFile(_ path: String) throws(TextDecodingError) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .noSuchFile }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .notAFile(kind: "a folder")
        default: throw .notAFile(kind: "a device, pipe or socket")
        }
    }

    static func converter(_ encoding: TextEncoding) throws(TextDecodingError) -> Iconv {
        guard let converter = Iconv(from: encoding) else { throw .unsupported(encoding: encoding) }
        return converter
    }
}

/// Finds a file's encoding in one pass over its chunks, in bounded memory, for readers that stream files
/// too big to hold (reviews). Feed every chunk in order, then ask ``encoding``.
struct TextEncodingDetector {
    private var candidates: [(encoding: TextEncoding, converter: Iconv)] = []
    private var started = false
    private var scratch: [UInt8] = []

    init() {}

    /// Reads the next chunk of the file.
    mutating func feed(_ chunk: [UInt8]) {
        if !started {
            started = true
            let encodings = TextEncoding.announced(by: chunk).map { [$0] } ?? [.utf8, .cp949]
            candidates = encodings.compactMap { encoding in Iconv(from: encoding).map { (encoding, $0) } }
        }
        candidates.removeAll { candidate in
            scratch.removeAll(keepingCapacity: true)
            return (try? candidate.converter.convert(chunk, isFinal: false, into: &scratch)) == nil
        }
    }

    /// The first encoding (UTF-8 before CP949) that reads everything fed, or nil when none does.
    mutating func encoding() -> TextEncoding? {
        guard started else { return .utf8 }
        return candidates.first { candidate in
            scratch.removeAll(keepingCapacity: true)
            return (try? candidate.converter.convert([], isFinal: true, into: &scratch)) != nil
        }?.encoding
    }
}

/// Turns a stream of chunks in `encoding` into UTF-8 chunks (a byte-order mark becomes U+FEFF, which
/// readers skip as UTF-8's). A sequence that is not valid in the encoding ends the stream.
struct UTF8ChunkConverter {
    private let converter: Iconv?
    private var failed = false

    /// Converts from `encoding`; UTF-8 passes through untouched.
    init(from encoding: TextEncoding) throws(TextDecodingError) {
        converter = encoding == .utf8 ? nil : try TextDecoder.converter(encoding)
    }

    /// The UTF-8 bytes of the next chunk; `isFinal` for the last.
    mutating func convert(_ chunk: [UInt8], isFinal: Bool) -> [UInt8] {
        guard let converter else { return chunk }
        guard !failed else { return [] }
        var output: [UInt8] = []
        do { try converter.convert(chunk, isFinal: isFinal, into: &output) } catch { failed = true }
        return output
    }
}
