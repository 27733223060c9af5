import Foundation

/// Reads a hotword list: one keyword per line, or a CSV whose first column is the keyword.
/// Blank lines, `#` comments and a `keyword` header are skipped.
enum KeywordFile {
    static func keywords(at path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): no such keyword file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(path): not UTF-8 text")
        }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let first = line.split(separator: ",", maxSplits: 1).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            return first.isEmpty || first.hasPrefix("#") || first.lowercased() == "keyword" ? nil : first
        }
    }
}
