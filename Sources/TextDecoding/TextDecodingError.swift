/// Why a file's bytes could not be read as text. The readers that use ``TextDecoder`` add the file's path.
public enum TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// ``TextDecoder/read(path:)`` found nothing at the path.
    case noSuchFile
    /// ``TextDecoder/read(path:)`` found a folder (or device, pipe, socket) where a file was expected.
    case notAFile(kind: String)
    /// The file exists but cannot be read; `detail` says why.
    case unreadable(detail: String)
    /// No supported encoding reads the whole file; `line` is the first line that is not UTF-8.
    case unknownEncoding(line: Int)
    /// The file announces `encoding` (a byte-order mark, or UTF-16's zero bytes) but is not valid in it.
    case invalid(encoding: TextEncoding, line: Int)
    /// The C library cannot convert from `encoding` (glibc installed without its gconv modules).
    case unsupported(encoding: TextEncoding)

    /// The 1-based line of the problem, where there is one.
    public var line: Int? {
        switch self {
        case .unknownEncoding(let line), .invalid(_, let line): line
        case .unsupported, .noSuchFile, .notAFile, .unreadable: nil
        }
    }

    /// The one-line message for the user, naming the file: "refs.tsv line 3: …" or "refs.tsv: no such file".
    public func message(path: String) -> String {
        line.map { "\(path) line \($0): \(reason)" } ?? "\(path): \(reason)"
    }

    public var description: String { line.map { "line \($0): \(reason)" } ?? reason }

    /// What is wrong, without the line.
    public var reason: String {
        switch self {
        case .noSuchFile: "no such file"
        case .notAFile(let kind): "it is \(kind), not a file"
        case .unreadable(let detail): "cannot read the file (\(detail))"
        case .unknownEncoding:
            "the file is neither UTF-8, UTF-16 nor CP949 (EUC-KR) text; save it as UTF-8 (in Excel choose 'CSV UTF-8')"
        case .invalid(let encoding, _):
            "the file starts as \(encoding) text but is not valid \(encoding) from here on; "
                + "save it as UTF-8 (in Excel choose 'CSV UTF-8')"
        case .unsupported(let encoding):
            "the file is \(encoding) text, which this system cannot convert (install glibc's gconv modules, "
                + "Debian package libc6), or save it as UTF-8"
        }
    }
}
