import Foundation
import TextDecoding

/// Reads a hotword list: one keyword per line, or a CSV whose first column is the keyword.
/// Blank lines, `#` comments and a `keyword` header are skipped.
enum KeywordFile {
    static func keywords(at path: String) throws -> [String] {
        let text: String
        do { text = try TextDecoder.read(path: path).text } catch { throw CLIError(error.message(path: path)) }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let first = line.split(separator: ",", maxSplits: 1).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            return first.isEmpty || first.hasPrefix("#") || first.lowercased() == "keyword" ? nil : first
        }
    }
}
