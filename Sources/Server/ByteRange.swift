import Foundation

/// One byte range of an HTTP `Range: bytes=…` header, resolved against a file size (RFC 9110 §14.1.2).
/// Several ranges are served as `multipart/byteranges` (§14.6); ranges that overlap are coalesced, and a
/// header with more than ``maxRanges`` ranges is ignored (the whole file is sent), so that a request cannot
/// make the server send the same bytes over and over.
public struct ByteRange: Equatable, Sendable {
    /// First byte, inclusive.
    public var first: Int
    /// Last byte, inclusive.
    public var last: Int

    /// Bytes in the range.
    public var count: Int { last - first + 1 }

    /// Creates a range.
    public init(first: Int, last: Int) { (self.first, self.last) = (first, last) }

    /// Most ranges served from one header.
    public static let maxRanges = 16

    /// Outcome of reading a Range header.
    public enum Parsed: Equatable, Sendable {
        /// No usable header: send the whole file.
        case whole
        /// Send this part (206).
        case partial(ByteRange)
        /// Send these parts, in this order, as multipart/byteranges (206).
        case multiple([ByteRange])
        /// The range lies outside the file (416).
        case unsatisfiable
    }

    /// Resolves `header` (nil when absent) against a file of `size` bytes.
    public static func parse(_ header: String?, size: Int) -> Parsed {
        guard let header, header.hasPrefix("bytes=") else { return .whole }
        let specs = header.dropFirst(6).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !specs.isEmpty, specs.count <= maxRanges else { return .whole }
        var ranges: [ByteRange] = []
        for spec in specs {
            switch resolve(spec, size: size) {
            case .syntaxError: return .whole  // a header we cannot read is ignored as a whole
            case .unsatisfiable: continue
            case .range(let range): ranges.append(range)
            }
        }
        ranges = coalesced(ranges)
        switch ranges.count {
        case 0: return .unsatisfiable
        case 1: return .partial(ranges[0])
        default: return .multiple(ranges)
        }
    }

    private enum Spec { case range(ByteRange), unsatisfiable, syntaxError }

    /// One `first-last`, `first-` or `-suffix` spec.
    private static func resolve(_ spec: String, size: Int) -> Spec {
        guard let dash = spec.firstIndex(of: "-") else { return .syntaxError }
        let start = spec[..<dash], end = spec[spec.index(after: dash)...]
        if start.isEmpty {
            guard let suffix = Int(end), suffix >= 0 else { return .syntaxError }
            return size > 0 && suffix > 0
                ? .range(ByteRange(first: max(0, size - suffix), last: size - 1)) : .unsatisfiable
        }
        guard let first = Int(start), first >= 0 else { return .syntaxError }
        if end.isEmpty { return first < size ? .range(ByteRange(first: first, last: size - 1)) : .unsatisfiable }
        guard let last = Int(end), last >= first else { return .syntaxError }
        return first < size ? .range(ByteRange(first: first, last: min(last, size - 1))) : .unsatisfiable
    }

    /// The ranges in request order, unless two overlap or touch: then merged and in file order (§14.3 lets a
    /// server coalesce).
    private static func coalesced(_ ranges: [ByteRange]) -> [ByteRange] {
        let sorted = ranges.sorted { $0.first < $1.first }
        guard zip(sorted, sorted.dropFirst()).contains(where: { $1.first <= $0.last + 1 }) else { return ranges }
        var merged: [ByteRange] = []
        for range in sorted {
            if let last = merged.last, range.first <= last.last + 1 {
                merged[merged.count - 1].last = max(last.last, range.last)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
