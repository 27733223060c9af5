/// Rewrites spoken Korean numbers as digits: "삼만 구천 원" → "39000원" (or "39,000원"), "두 개" → "2개".
///
/// Reading spoken text back is ambiguous (이 is also "this", 일 also "day" or "work", 만 also "only"),
/// so only these patterns are converted, word by word:
/// - a native number followed by a native counter in the next word: "두 개" → "2개", "열두 시" → "12시";
/// - telephone-style digit words ("공일공 일이삼사 오육칠팔" → "010-1234-5678", "공일공" → "010");
/// - one word with an attached date unit: "오월" → "5월", "유월" → "6월", "십칠일" → "17일";
/// - Sino-Korean numbers over one or more words ("삼만 구천", "삼 점 오") followed by a unit word
///   ("원", "퍼센트" → "%", …; a native counter only where the number would not be read natively),
///   or standing alone when they have at least two syllables and a multiplier or a point ("오십" → "50").
///
/// Whitespace is folded to single spaces. ``NumberVerbalizer`` is the exact direction; this one is for display.
public struct NumberDigitizer: Sendable {
    /// Whether to write three-digit grouping commas ("39,000원"); default `false`.
    public var grouping: Bool

    /// Creates a digitizer; `grouping` adds thousands separators.
    public init(grouping: Bool = false) {
        self.grouping = grouping
    }

    /// A replacement for the words starting at some index, and how many words it covers.
    struct Match {
        var text: String
        var consumed: Int
    }

    /// `text` with the recognised spoken numbers written in digits.
    public func digitForm(of text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var output: [String] = []
        var index = 0
        while index < words.count {
            if let match = nativeCount(words, at: index) ?? telephone(words, at: index)
                ?? attachedDate(words[index]) ?? sinoKorean(words, at: index)
            {
                output.append(match.text)
                index += match.consumed
            } else {
                output.append(words[index])
                index += 1
            }
        }
        return output.joined(separator: " ")
    }

    /// "두 개" → "2개": a native number word, then a word starting with a counter it is read with.
    func nativeCount(_ words: [String], at index: Int) -> Match? {
        guard index + 1 < words.count, let value = NativeKoreanNumber.value(of: words[index]),
            let unit = NumberUnit.spokenPrefix(of: words[index + 1][...]),
            case .nativeCounter(let limit) = unit.kind, value <= limit
        else { return nil }
        return Match(text: String(value) + words[index + 1], consumed: 2)
    }

    /// Telephone-style digit words, the inverse of ``SinoKoreanNumber/digitByDigit(_:)``.
    func telephone(_ words: [String], at index: Int) -> Match? {
        var groups: [String] = []
        while index + groups.count < words.count, groups.count < 3 {
            let word = words[index + groups.count]
            guard SinoKoreanNumberParser.isDigitWord(word) else { break }
            groups.append(word.unicodeScalars.map { String(SinoKoreanNumberParser.digitValues[$0] ?? 0) }.joined())
        }
        let lengths = groups.map(\.count)
        if lengths.count == 3, (2...4).contains(lengths[0]), (3...4).contains(lengths[1]), lengths[2] == 4 {
            return Match(text: groups.joined(separator: "-"), consumed: 3)
        }
        if lengths.count >= 2, lengths[0] == 4, lengths[1] == 4 {
            return Match(text: groups.prefix(2).joined(separator: "-"), consumed: 2)
        }
        if let first = groups.first, first.count >= 2, words[index].hasPrefix("공") {
            return Match(text: first, consumed: 1)
        }
        return nil
    }

    /// "오월" → "5월", "유월에" → "6월에", "십칠일" → "17일": a number with 월 or 일 attached in one word.
    func attachedDate(_ word: String) -> Match? {
        for (month, name) in NumberUnit.irregularMonths where word.hasPrefix(name) {
            return Match(text: "\(month)월" + word.dropFirst(name.count), consumed: 1)
        }
        let numeral = word.prefix(while: SinoKoreanNumberParser.isNumeral)
        let rest = word.dropFirst(numeral.count)
        guard !numeral.isEmpty, !rest.isEmpty || SinoKoreanNumberParser.value(of: numeral) == nil else { return nil }
        if rest.hasPrefix("월"), let value = SinoKoreanNumberParser.value(of: numeral) {
            return Match(text: format(value) + rest, consumed: 1)
        }
        if numeral.hasSuffix("일"), let value = SinoKoreanNumberParser.value(of: numeral.dropLast()) {
            return Match(text: format(value) + "일" + rest, consumed: 1)
        }
        return nil
    }

    /// Sino-Korean numbers over whole words, with an optional unit word after them.
    func sinoKorean(_ words: [String], at index: Int) -> Match? {
        var span: [String] = []
        var next = index
        while next < words.count, words[next].allSatisfy(SinoKoreanNumberParser.isNumeral) {
            if let last = span.last?.unicodeScalars.last, SinoKoreanNumberParser.groupPowers[last] == nil { break }
            span.append(words[next])
            next += 1
        }
        guard !span.isEmpty else { return nil }
        if next + 1 < words.count, words[next] == String(SinoKoreanNumberParser.point),
            SinoKoreanNumberParser.isDigitWord(words[next + 1])
        {
            span += [words[next], words[next + 1]]
        }
        for length in stride(from: span.count, through: 1, by: -1) {
            let spoken = span.prefix(length).joined(separator: " ")
            guard let value = SinoKoreanNumberParser.value(of: spoken) else { continue }
            let after = index + length
            if after < words.count, let unit = NumberUnit.spokenPrefix(of: words[after][...]),
                readsSinoKorean(value, before: unit)
            {
                let rest = words[after].dropFirst(unit.spoken.count)
                return Match(text: format(value) + unit.written + rest, consumed: length + 1)
            }
            let syllables = spoken.filter { !$0.isWhitespace }
            guard syllables.count >= 2,
                syllables.contains(where: SinoKoreanNumberParser.isMultiplier) || spoken.contains("점")
            else { return nil }
            return Match(text: format(value), consumed: length)
        }
        return nil
    }

    /// Whether `unit`, written as its own word, follows a Sino-Korean reading of `value`.
    func readsSinoKorean(_ value: NumberValue, before unit: NumberUnit) -> Bool {
        switch unit.kind {
        case .detached: return true
        case .attached: return false
        case .nativeCounter(let limit): return !value.isInteger || value.integer == 0 || value.integer > limit
        }
    }

    /// The value in digits, grouped when ``grouping`` is set.
    func format(_ value: NumberValue) -> String { value.formatted(grouping: grouping) }
}
