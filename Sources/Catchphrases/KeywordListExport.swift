/// Approved lines as a keyword list (`keyword,topic,variants`, the file `liveinsight run --keywords` reads),
/// so the next show's mentions of them are found and their uplift measured like any keyword's.
///
/// One row per hook word: the keyword is the hook (what the host is likely to say, and short enough for the
/// spotter), the variants are the approved lines that use it, so saying a whole line counts too.
public enum KeywordListExport {
    /// The CSV text, header first, rows in the order hooks first appear.
    public static func csv(_ lines: [Catchphrase]) -> String {
        var order: [String] = []
        var rows: [String: (topic: String, lines: [String])] = [:]
        for line in lines where line.state == .approved {
            if rows[line.hook] == nil {
                order.append(line.hook)
                rows[line.hook] = (line.topic, [])
            }
            let text = line.line.replacingOccurrences(of: "|", with: " ")
            if rows[line.hook]?.lines.contains(text) == false { rows[line.hook]?.lines.append(text) }
        }
        let body = order.map { hook in
            let row = rows[hook]!
            return [hook, row.topic, row.lines.joined(separator: "|")].map(field).joined(separator: ",")
        }
        return (["keyword,topic,variants"] + body).joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
