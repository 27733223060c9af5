import Foundation

/// Reads a hotword list: one keyword per line, or a CSV whose first column is the keyword.
/// Blank lines, `#` comments and a `keyword` header are skipped.
public enum KeywordFile {
    /// The keywords in the file at `path`, in file order.
    public static func keywords(at path: String) throws(PipelineError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .badInput(path: path, detail: "no such keyword file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .badInput(path: path, detail: "not UTF-8 text; save the keyword list as UTF-8")
        }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let first = line.split(separator: ",", maxSplits: 1).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            return first.isEmpty || first.hasPrefix("#") || first.lowercased() == "keyword" ? nil : first
        }
    }
}
