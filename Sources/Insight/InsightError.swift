/// Why an insight input could not be used. Each case names the file (and line) and says what to do.
public enum InsightError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is missing or unreadable.
    case unreadable(path: String, detail: String)
    /// The bytes are not UTF-8 text.
    case notUTF8(path: String, line: Int)
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
        case .notUTF8(let path, let line):
            "\(path) line \(line): not UTF-8 text (save the file as UTF-8; in Excel choose 'CSV UTF-8')"
        case .missingColumn(let path, let column, let expected):
            "\(path) line 1: no '\(column)' column (expected a header like: \(expected))"
        case .badRow(let path, let line, let detail): "\(path) line \(line): \(detail)"
        case .emptyKeywordList(let path): "\(path): the keyword list holds no keywords"
        case .badMetadata(let path, let detail): "\(path): \(detail)"
        }
    }
}
