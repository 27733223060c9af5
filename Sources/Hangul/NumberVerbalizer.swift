/// Rewrites numbers written in digits as spoken Korean, leaving all other text as it is.
///
/// What is recognised, left to right:
/// - telephone-like strings `\d{2,4}-\d{3,4}-\d{4}` and `\d{4}-\d{4}`, and integers of two or more digits
///   that start with 0, read digit by digit with zero as 공: "010-1234-5678" → "공일공 일이삼사 오육칠팔";
/// - amounts: digits with optional grouping commas and decimals, optionally followed by Korean
///   multipliers, in one or more terms: "39,000", "3.5", "5만", "3만 9천", "1억2천만";
///   a leading "₩" is read as the unit 원;
/// - an optional unit right after the amount, or after one space (see ``NumberUnit``):
///   "39,000원" → "삼만 구천 원", "2개" → "두 개", "20%" → "이십 퍼센트", "5월 17일" → "오월 십칠일".
///
/// Only ASCII digits are read; fold full-width digits first (``TextNormalizer`` does).
public struct NumberVerbalizer: Sendable {
    /// Creates a verbalizer.
    public init() {}

    /// `text` with every recognised number replaced by its spoken form.
    public func spokenForm(of text: String) -> String {
        guard text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return text }
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "₩", index + 1 < characters.count, characters[index + 1].isASCIIDigit,
               let amount = Scanner(characters).amount(at: index + 1) {
                output += SinoKoreanNumber.reading(amount.value) + " 원"
                index = amount.end
            } else if character.isASCIIDigit, let match = match(in: characters, at: index) {
                output += match.text
                index = match.end
            } else {
                output.append(character)
                index += 1
            }
        }
        return output
    }

    /// The spoken form of the number starting at `start` and the index after it.
    func match(in characters: [Character], at start: Int) -> (text: String, end: Int)? {
        let scanner = Scanner(characters)
        if let end = scanner.telephoneEnd(at: start) {
            let groups = String(characters[start..<end]).split(separator: "-")
            return (groups.map { SinoKoreanNumber.digitByDigit($0) }.joined(separator: " "), end)
        }
        guard let amount = scanner.amount(at: start) else { return nil }
        if let unit = scanner.unit(at: amount.end) {
            return (unit.unit.spokenForm(of: amount.value), unit.end)
        }
        if amount.isLeadingZeroInteger {
            return (SinoKoreanNumber.digitByDigit(String(characters[start..<amount.end])), amount.end)
        }
        return (SinoKoreanNumber.reading(amount.value), amount.end)
    }
}

/// Recognisers for the parts of a written number, over an array of characters.
struct Scanner {
    /// An amount: its value, the index after it, and whether it was a plain integer with a leading zero.
    struct Amount {
        var value: NumberValue
        var end: Int
        var isLeadingZeroInteger: Bool
    }

    /// The power of ten of each place word that may follow digits ("3천" = 3 × 10³).
    static let placeExponents: [Character: Int] = ["십": 1, "백": 2, "천": 3]

    /// The characters scanned.
    let characters: [Character]

    /// Wraps `characters`.
    init(_ characters: [Character]) { self.characters = characters }

    /// The character at `index`, or `nil` past either end.
    subscript(_ index: Int) -> Character? {
        characters.indices.contains(index) ? characters[index] : nil
    }

    /// The index after the run of ASCII digits starting at `index`.
    func digitsEnd(from index: Int) -> Int {
        var end = index
        while self[end]?.isASCIIDigit == true { end += 1 }
        return end
    }

    /// The end of a telephone-like number at `start` (`\d{2,4}-\d{3,4}-\d{4}` or `\d{4}-\d{4}`), if any.
    func telephoneEnd(at start: Int) -> Int? {
        var lengths: [Int] = []
        var index = start
        while true {
            let end = digitsEnd(from: index)
            lengths.append(end - index)
            index = end
            guard lengths.count < 3, self[index] == "-", self[index + 1]?.isASCIIDigit == true else { break }
            index += 1
        }
        guard self[index]?.isASCIIDigit != true else { return nil }
        switch lengths.count {
        case 3 where (2...4).contains(lengths[0]) && (3...4).contains(lengths[1]) && lengths[2] == 4: return index
        case 2 where lengths == [4, 4]: return index
        default: return nil
        }
    }

    /// The numeral (digits, grouping commas, decimals) at `start` and the index after it.
    func numeral(at start: Int) -> (value: NumberValue, end: Int, text: String)? {
        var end = digitsEnd(from: start)
        guard end > start else { return nil }
        if end - start <= 3 {
            while self[end] == ",", digitsEnd(from: end + 1) == end + 4 { end += 4 }
        }
        if self[end] == ".", self[end + 1]?.isASCIIDigit == true { end = digitsEnd(from: end + 1) }
        let text = String(characters[start..<end])
        guard let value = NumberValue(digits: text) else { return nil }
        return (value, end, text)
    }

    /// An amount at `start`: one or more terms like "39,000", "3만", "9천", "1억2천만".
    /// A term after one ending in 만/억/조/경 (directly or after one space) must be smaller than that group.
    func amount(at start: Int) -> Amount? {
        guard let first = term(at: start) else { return nil }
        var total = first.value
        var end = first.end
        var groupLimit = first.groupPower
        let isLeadingZero = first.plainText.count >= 2 && first.plainText.hasPrefix("0")
            && first.plainText.allSatisfy(\.isASCIIDigit) && first.end == start + first.plainText.count
        while let limit = groupLimit {
            let next = self[end] == " " ? end + 1 : end
            guard self[next]?.isASCIIDigit == true, let term = term(at: next),
                  let bound = SinoKoreanNumberParser.multiply(1, byPowerOf10k: limit),
                  term.value.integer < bound, let sum = total.adding(term.value) else { break }
            total = sum
            end = term.end
            groupLimit = term.groupPower
        }
        return Amount(value: total, end: end, isLeadingZeroInteger: isLeadingZero && end == first.end)
    }

    /// One term: a numeral optionally followed by one of 십/백/천 and then one of 만/억/조/경.
    func term(at start: Int) -> (value: NumberValue, end: Int, groupPower: Int?, plainText: String)? {
        guard let numeral = numeral(at: start) else { return nil }
        var value = numeral.value
        var end = numeral.end
        if let exponent = self[end].flatMap({ Self.placeExponents[$0] }),
           let scaled = value.scaled(byPowerOfTen: exponent) {
            value = scaled
            end += 1
        }
        var groupPower: Int?
        if let power = self[end].flatMap({ SinoKoreanNumberParser.groupPowers[$0] }),
           let scaled = value.scaled(byPowerOfTen: 4 * power) {
            value = scaled
            end += 1
            groupPower = power
        }
        return (value, end, groupPower, numeral.text)
    }

    /// The unit at `start` (or after one space there) and the index after it.
    func unit(at start: Int) -> (unit: NumberUnit, end: Int)? {
        for offset in [0, 1] where offset == 0 || self[start] == " " {
            let from = start + offset
            for unit in NumberUnit.all {
                if matches(unit.written, at: from) { return (unit, from + unit.written.count) }
                if matches(unit.spoken, at: from) { return (unit, from + unit.spoken.count) }
            }
        }
        return nil
    }

    /// Whether `word` occurs at `index`.
    func matches(_ word: String, at index: Int) -> Bool {
        var position = index
        for character in word {
            guard self[position] == character else { return false }
            position += 1
        }
        return true
    }
}
