/// Informal web markers that carry no words: laughter (ㅋㅋ, ㅎㅎ), crying (ㅠㅠ, ㅜㅜ), ^^ and ;;.
public enum WebMarkers {
    /// Scalars that form a marker when two or more from the same group follow each other.
    static let groups: [Set<Unicode.Scalar>] = [["ㅋ", "ㅎ"], ["ㅠ", "ㅜ"], ["^"], [";"]]
    /// Every scalar of every group.
    static let markerScalars = groups.reduce(Set<Unicode.Scalar>()) { $0.union($1) }

    /// `text` with every run of two or more scalars from one group (ㅋ/ㅎ, ㅠ/ㅜ, ^, ;) replaced by a space
    /// ("좋아요ㅋㅋㅋ" → "좋아요 ", "감사합니다^^" → "감사합니다 "). A single ㅋ or ^ is kept.
    public static func remove(from text: String) -> String {
        guard text.unicodeScalars.contains(where: { markerScalars.contains($0) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let group = groups.first(where: { $0.contains(scalars[index]) }) {
                var end = index + 1
                while end < scalars.count, group.contains(scalars[end]) { end += 1 }
                if end - index >= 2 {
                    output.append(" ")
                    index = end
                    continue
                }
            }
            output.append(scalars[index])
            index += 1
        }
        return String(output)
    }
}
