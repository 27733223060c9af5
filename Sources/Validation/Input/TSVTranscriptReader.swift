/// Reads `id<TAB>text` lines. Blank lines are skipped; a first line `id<TAB>text` is taken as a header;
/// the text is everything after the first tab.
enum TSVTranscriptReader {
    /// The items of `file`, in order.
    static func items(of file: TextFile) throws(TranscriptError) -> [TranscriptItem] {
        var items: [TranscriptItem] = []
        var seen = IDRegistry()
        for (number, line) in file.numberedLines where !line.allSatisfy(\.isWhitespace) {
            guard let tab = line.firstIndex(of: "\t") else {
                throw .malformed(
                    path: file.path, line: number,
                    problem: "expected `id<TAB>text` but found no tab; separate the id from the text with a tab")
            }
            let id = line[..<tab].trimmingWhitespace
            let text = String(line[line.index(after: tab)...])
            if items.isEmpty, seen.isEmpty, id.lowercased() == "id", text.trimmingWhitespace.lowercased() == "text" {
                continue
            }
            guard !id.isEmpty else {
                throw .malformed(path: file.path, line: number, problem: "the id before the tab is empty")
            }
            let location = SourceLocation(path: file.path, line: number)
            try seen.register(id, at: location)
            items.append(TranscriptItem(id: id, text: text, location: location))
        }
        return items
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
