/// Why reviews could not be read or analysed. Every case names the file (and line, where there is one)
/// and says what to do.
public enum ReviewsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is missing or unreadable.
    case unreadable(path: String, detail: String)
    /// The header lacks a column the reviews need.
    case missingColumns(path: String, missing: [String], found: [String])
    /// The file has no header line at all.
    case emptyFile(path: String)
    /// Every row was skipped (each with a warning): nothing could be analysed.
    case noUsableReviews(path: String, skipped: Int)
    /// The header line is not UTF-8 text.
    case headerNotUTF8(path: String, hint: String)
    /// The sentiment model file cannot be used.
    case badModel(path: String, detail: String)
    /// The topic dictionary file cannot be used.
    case badTopics(path: String, line: Int, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): "\(path): cannot read the file (\(detail))"
        case .missingColumns(let path, let missing, let found):
            "\(path) line 1: missing column(s) \(missing.joined(separator: ", ")) "
                + "(found: \(found.joined(separator: ", "))); "
                + "the header needs product_id, rating and text (review_id and date are optional)"
        case .emptyFile(let path): "\(path): the file is empty; expected a header line with product_id, rating, text"
        case .noUsableReviews(let path, let skipped):
            "\(path): none of its \(skipped) row(s) could be used (the warnings say why for each); "
                + "check its columns, quoting and encoding"
        case .headerNotUTF8(let path, let hint):
            "\(path) line 1: the header is not UTF-8 (\(hint)); save the file as UTF-8"
        case .badModel(let path, let detail):
            "\(path): cannot use the review sentiment model (\(detail)); pass --model with a file made by "
                + "Training/liveinsight_train/sentiment/train.py"
        case .badTopics(let path, let line, let detail):
            "\(path) line \(line): \(detail) (expected 'topic = keyword, keyword*, …')"
        }
    }
}
