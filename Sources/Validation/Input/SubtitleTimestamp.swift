/// Subtitle timestamps: `HH:MM:SS,mmm` (SRT), `HH:MM:SS.mmm` or `MM:SS.mmm` (WebVTT).
enum SubtitleTimestamp {
    /// Seconds for a timestamp, or `nil` when `text` is not one.
    static func seconds(_ text: some StringProtocol) -> Double? {
        let normalized = String(text).replacing(",", with: ".")
        let fields = normalized.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count) else { return nil }
        var total = 0.0
        for (index, field) in fields.enumerated() {
            let isLast = index == fields.count - 1
            guard !field.isEmpty, field.allSatisfy({ $0.isASCII && ($0.isNumber || (isLast && $0 == ".")) }),
                let value = Double(field)
            else { return nil }
            if index > 0, value >= 60 { return nil }
            total = total * 60 + value
        }
        return total
    }

    /// The start and end of a cue timing line `start --> end [settings]`, or `nil`.
    static func cueTiming(_ line: some StringProtocol) -> (start: Double, end: Double)? {
        let fields = line.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 3, fields[1] == "-->",
            let start = seconds(fields[0]), let end = seconds(fields[2]), end >= start
        else { return nil }
        return (start, end)
    }
}
