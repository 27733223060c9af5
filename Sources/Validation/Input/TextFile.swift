import Foundation

/// A UTF-8 text file split into lines, for readers that report errors by line number.
struct TextFile {
    /// The path, as given, for messages.
    let path: String
    /// The lines without their terminators (LF, CRLF or CR); line n is `lines[n - 1]`.
    let lines: [Substring]

    /// Reads `path`; a leading byte-order mark is dropped.
    static func read(_ path: String) throws(TranscriptError) -> TextFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "the file could not be opened")
        }
        guard var text = String(data: data, encoding: .utf8) else { throw .notUTF8(path: path) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return TextFile(path: path, text: text)
    }

    /// Wraps text already in memory.
    init(path: String, text: String) {
        self.path = path
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// The lines with their 1-based numbers.
    var numberedLines: some Sequence<(number: Int, text: Substring)> {
        lines.enumerated().lazy.map { ($0.offset + 1, $0.element) }
    }
}
