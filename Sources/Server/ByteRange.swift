import Foundation

/// One byte range of an HTTP `Range: bytes=…` header, resolved against a file size (RFC 9110 §14.1.2).
/// Only single ranges are served; a multi-range request is answered with the first range.
public struct ByteRange: Equatable, Sendable {
    /// First byte, inclusive.
    public var first: Int
    /// Last byte, inclusive.
    public var last: Int

    /// Bytes in the range.
    public var count: Int { last - first + 1 }

    /// Creates a range.
    public init(first: Int, last: Int) { (self.first, self.last) = (first, last) }

    /// Outcome of reading a Range header.
    public enum Parsed: Equatable, Sendable {
        /// No usable header: send the whole file.
        case whole
        /// Send this part (206).
        case partial(ByteRange)
        /// The range lies outside the file (416).
        case unsatisfiable
    }

    /// Resolves `header` (nil when absent) against a file of `size` bytes.
    public static func parse(_ header: String?, size: Int) -> Parsed {
        guard let header, header.hasPrefix("bytes=") else { return .whole }
        guard let spec = header.dropFirst(6).split(separator: ",").first?.trimmingCharacters(in: .whitespaces),
              let dash = spec.firstIndex(of: "-") else { return .whole }
        let start = spec[..<dash], end = spec[spec.index(after: dash)...]
        if start.isEmpty {
            guard let suffix = Int(end), suffix > 0 else { return .unsatisfiable }
            return size > 0 ? .partial(ByteRange(first: max(0, size - suffix), last: size - 1)) : .unsatisfiable
        }
        guard let first = Int(start), first >= 0 else { return .whole }
        guard first < size else { return .unsatisfiable }
        if end.isEmpty { return .partial(ByteRange(first: first, last: size - 1)) }
        guard let last = Int(end), last >= first else { return .whole }
        return .partial(ByteRange(first: first, last: min(last, size - 1)))
    }
}
