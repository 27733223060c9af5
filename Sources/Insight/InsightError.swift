import Foundation
import TextDecoding

/// Why an insight input could not be used. Each case names the file (and line) and says what to do.
public enum InsightError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is missing or unreadable.
    case unreadable(path: String, detail: String)
    /// The file is missing, a folder, or not text in any encoding the readers know (UTF-8, UTF-16, CP949).
    case notText(path: String, problem: TextDecodingError)
    /// A header lacks a required column.
    case missingColumn(path: String, column: String, expected: String)
    /// A row cannot be read.
    case badRow(path: String, line: Int, detail: String)
    /// A keyword list with no keywords.
    case emptyKeywordList(path: String)
    /// Broadcast metadata that cannot be used.
    case badMetadata(path: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): "\(path): \(detail)"
        case .notText(let path, let problem): problem.message(path: path)
        case .missingColumn(let path, let column, let expected):
            "\(path) line 1: no '\(column)' column (expected a header like: \(expected))"
        case .badRow(let path, let line, let detail): "\(path) line \(line): \(detail)"
        case .emptyKeywordList(let path): "\(path): the keyword list holds no keywords"
        case .badMetadata(let path, let detail): "\(path): \(detail)"
        }
    }
}

extension InsightError {
    /// The text of a file's bytes, in whichever encoding it was saved (``TextDecoder``).
    static func decodeText(_ data: Data, path: String) throws(InsightError) -> String {
        do { return try TextDecoder.decode(data).text } catch { throw .notText(path: path, problem: error) }
    }

    /// The text of the file at `path` (missing files and folders are errors that say so).
    static func readText(path: String) throws(InsightError) -> String {
        do { return try TextDecoder.read(path: path).text } catch { throw .notText(path: path, problem: error) }
    }
}
