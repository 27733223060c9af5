/// What can go wrong reading a workspace or producing a report; each case says which file and what to do.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No broadcast with this id exists in the store (or the id is not a plain folder name).
    case unknownBroadcast(String)
    /// A checkpoint file is missing or not in the expected format.
    case unreadable(path: String, detail: String)
    /// Writing an output file failed.
    case unwritable(path: String, detail: String)
    /// The broadcast has no recording the server can stream.
    case noRecording(String)
    /// Headless Chromium could not print the PDF.
    case pdfFailed(String)
    /// A verdict on a mention that cannot be applied (no such mention, no mentions yet, checkpoints made with another
    /// model); the detail says why.
    case refusedVerdict(String)

    public var description: String {
        switch self {
        case .unknownBroadcast(let id): "no broadcast '\(id)' in the workspace (see `liveinsight serve` for the list)"
        case .unreadable(let path, let detail): "\(path): \(detail)"
        case .unwritable(let path, let detail): "\(path): cannot write (\(detail))"
        case .noRecording(let id): "broadcast '\(id)' has no recording in its folder or in processed/"
        case .pdfFailed(let detail): "PDF export failed: \(detail) (install Debian's `chromium` and `fonts-nanum`)"
        case .refusedVerdict(let detail): "verdict not applied: \(detail)"
        }
    }
}
