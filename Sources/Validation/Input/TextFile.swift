import Foundation
import TextDecoding

/// A text file (UTF-8, UTF-16 or CP949: ``TextDecoder``) split into lines, for readers that report errors by
/// line number.
struct TextFile {
    /// The path, as given, for messages.
    let path: String
    /// The lines without their terminators (LF, CRLF or CR); line n is `lines[n - 1]`.
    let lines: [Substring]

    /// Reads `path` in whichever encoding it was saved; a leading byte-order mark is dropped.
    static func read(_ path: String) throws(TranscriptError) -> TextFile {
        do {
            return TextFile(path: path, text: try TextDecoder.read(path: path).text)
        } catch {
            throw .notText(path: path, problem: error)
        }
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
