/// Rewrites numbers written in digits as spoken Korean, leaving all other text as it is.
///
/// What is recognised, left to right:
/// - telephone-like strings `\d{2,4}-\d{3,4}-\d{4}` and `\d{4}-\d{4}`, and integers of two or more digits
///   that start with 0, read digit by digit with zero as 공: "010-1234-5678" → "공일공 일이삼사 오육칠팔";
/// - amounts: digits with optional grouping commas and decimals, optionally followed by Korean
///   multipliers, in one or more terms: "39,000", "3.5", "5만", "3만 9천", "1억2천만";
///   a leading "₩" is read as the unit 원;
/// - an optional unit right after the amount, or after one space (see ``NumberUnit``):
///   "39,000원" → "삼만 구천 원", "2개" → "두 개", "20%" → "이십 퍼센트", "5월 17일" → "오월 십칠일";
/// - a minus sign (`-` or `−`) right before a number and not after a letter or digit: "-5도" → "마이너스 오 도";
/// - fractions of integers of up to three digits, `/` or `⁄` (what NFKC makes of "½"): "1/2" → "이분의 일";
///   not part of a longer a/b/c (a date);
/// - integers too large for an exact reading (10¹⁹ and up) read digit by digit, grouping commas dropped,
///   rather than being cut into pieces.
///
/// Only ASCII digits are read; fold full-width digits first (``TextNormalizer`` does).
public struct NumberVerbalizer: Sendable {
    /// Creates a verbalizer.
    public init() {}

    /// `text` with every recognised number replaced by its spoken form.
    public func spokenForm(of text: String) -> String {
        guard text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return text }
        let scanner = Scanner(Array(text.unicodeScalars))
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scanner.scalars.count {
            let scalar = scanner.scalars[index]
            if scalar == "₩", scanner.isDigit(at: index + 1), let amount = scanner.amount(at: index + 1) {
                output.append(contentsOf: (SinoKoreanNumber.reading(amount.value) + " 원").unicodeScalars)
                index = amount.end
            } else if scalar == "-" || scalar == "\u{2212}", scanner.isDigit(at: index + 1),
                !scanner.isLetterOrDigit(at: index - 1),
                scanner.telephoneEnd(at: index + 1) == nil, let match = match(scanner, at: index + 1)
            {
                output.append(contentsOf: ("마이너스 " + match.text).unicodeScalars)
                index = match.end
            } else if Scanner.isDigit(scalar), let fraction = scanner.fraction(at: index) {
                output.append(
                    contentsOf: (SinoKoreanNumber.reading(fraction.denominator) + "분의 "
                        + SinoKoreanNumber.reading(fraction.numerator)).unicodeScalars)
                index = fraction.end
            } else if Scanner.isDigit(scalar), let match = match(scanner, at: index) {
                output.append(contentsOf: match.text.unicodeScalars)
                index = match.end
            } else if Scanner.isDigit(scalar) {
                // Only an integer too large for Int fails to match: read it digit by digit, commas dropped.
                var end = scanner.digitsEnd(from: index)
                while scanner[end] == ",", scanner.isDigit(at: end + 1) { end = scanner.digitsEnd(from: end + 1) }
                output.append(contentsOf: SinoKoreanNumber.digitByDigit(scanner.text(index..<end)).unicodeScalars)
                index = end
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }

    /// The spoken form of the number starting at `start` and the index after it.
    func match(_ scanner: Scanner, at start: Int) -> (text: String, end: Int)? {
        if let end = scanner.telephoneEnd(at: start) {
            let groups = scanner.text(start..<end).split(separator: "-")
            return (groups.map { SinoKoreanNumber.digitByDigit($0) }.joined(separator: " "), end)
        }
        guard let amount = scanner.amount(at: start) else { return nil }
        if let unit = scanner.unit(at: amount.end) {
            return (unit.unit.spokenForm(of: amount.value), unit.end)
        }
        if amount.isLeadingZeroInteger {
            return (SinoKoreanNumber.digitByDigit(scanner.text(start..<amount.end)), amount.end)
        }
        return (SinoKoreanNumber.reading(amount.value), amount.end)
    }
}

/// Recognisers for the parts of a written number, over the Unicode scalars of a text.
struct Scanner {
    /// An amount: its value, the index after it, and whether it was a plain integer with a leading zero.
    struct Amount {
        var value: NumberValue
        var end: Int
        var isLeadingZeroInteger: Bool
    }

    /// Every unit with its written and spoken forms as scalars, longest first.
    static let units: [(unit: NumberUnit, written: [Unicode.Scalar], spoken: [Unicode.Scalar])] = NumberUnit.all.map {
        ($0, Array($0.written.unicodeScalars), Array($0.spoken.unicodeScalars))
    }

    /// The scalars scanned.
    let scalars: [Unicode.Scalar]

    /// Wraps `scalars`.
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// The scalar at `index`, or `nil` past either end.
    subscript(_ index: Int) -> Unicode.Scalar? {
        scalars.indices.contains(index) ? scalars[index] : nil
    }

    /// Whether `scalar` is 0–9.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    /// Whether the scalar at `index` is 0–9.
    func isDigit(at index: Int) -> Bool { self[index].map(Self.isDigit) ?? false }

    /// Whether the scalar at `index` is a letter or a digit of any script (false past either end).
    func isLetterOrDigit(at index: Int) -> Bool {
        guard let scalar = self[index] else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A fraction `a/b` (or `a⁄b`) at `start`: integers of one to three digits without a leading zero, the
    /// denominator not zero, not followed by a unit-less `/` or a digit run continuing a date (`2024/5/17`).
    func fraction(at start: Int) -> (numerator: Int, denominator: Int, end: Int)? {
        guard !(self[start - 1] == "/" || self[start - 1] == "\u{2044}") else { return nil }
        let slash = digitsEnd(from: start)
        guard (1...3).contains(slash - start), scalars[start] != "0",
            self[slash] == "/" || self[slash] == "\u{2044}"
        else { return nil }
        let end = digitsEnd(from: slash + 1)
        guard (1...3).contains(end - slash - 1), scalars[slash + 1] != "0",
            !(self[end] == "/" || self[end] == "\u{2044}" || self[end] == "."),
            let numerator = Int(text(start..<slash)), let denominator = Int(text((slash + 1)..<end))
        else { return nil }
        return (numerator, denominator, end)
    }

    /// The scalars in `range` as a string.
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }

    /// The index after the run of ASCII digits starting at `index`.
    func digitsEnd(from index: Int) -> Int {
        var end = index
        while isDigit(at: end) { end += 1 }
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
            guard lengths.count < 3, self[index] == "-", isDigit(at: index + 1) else { break }
            index += 1
        }
        switch lengths.count {
        case 3 where (2...4).contains(lengths[0]) && (3...4).contains(lengths[1]) && lengths[2] == 4: return index
        case 2 where lengths == [4, 4]: return index
        default: return nil
        }
    }

    /// The numeral (digits, grouping commas, decimals) at `start`, the index after it, and whether it is a
    /// plain integer of two or more digits starting with 0.
    func numeral(at start: Int) -> (value: NumberValue, end: Int, isLeadingZero: Bool)? {
        var end = digitsEnd(from: start)
        guard end > start else { return nil }
        let isLeadingZero = end - start >= 2 && scalars[start] == "0"
        if end - start <= 3 {
            while self[end] == ",", digitsEnd(from: end + 1) == end + 4 { end += 4 }
        }
        var integer = 0
        for scalar in scalars[start..<end] where scalar != "," {
            let (times10, overflow1) = integer.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(scalar.value) - 0x30)
            guard !overflow1, !overflow2 else { return nil }
            integer = sum
        }
        var fraction: [Int] = []
        if self[end] == ".", isDigit(at: end + 1) {
            let fractionEnd = digitsEnd(from: end + 1)
            fraction = scalars[(end + 1)..<fractionEnd].map { Int($0.value) - 0x30 }
            end = fractionEnd
        }
        let isPlain = isLeadingZero && fraction.isEmpty && !scalars[start..<end].contains(",")
        return (NumberValue(integer: integer, fractionDigits: fraction), end, isPlain)
    }

    /// An amount at `start`: one or more terms like "39,000", "3만", "9천", "1억2천만".
    /// A term after one ending in 만/억/조/경 (directly or after one space) must be smaller than that group.
    func amount(at start: Int) -> Amount? {
        guard let first = term(at: start) else { return nil }
        var total = first.value
        var end = first.end
        var groupLimit = first.groupPower
        while let limit = groupLimit {
            let next = self[end] == " " ? end + 1 : end
            guard isDigit(at: next), let term = term(at: next),
                let bound = SinoKoreanNumberParser.multiply(1, byPowerOf10k: limit),
                term.value.integer < bound, let sum = total.adding(term.value)
            else { break }
            total = sum
            end = term.end
            groupLimit = term.groupPower
        }
        return Amount(value: total, end: end, isLeadingZeroInteger: first.isLeadingZero && end == first.end)
    }

    /// One term: a numeral optionally followed by one of 십/백/천 and then one of 만/억/조/경;
    /// `isLeadingZero` only for a bare leading-zero integer without multipliers.
    func term(at start: Int) -> (value: NumberValue, end: Int, groupPower: Int?, isLeadingZero: Bool)? {
        guard let numeral = numeral(at: start) else { return nil }
        var value = numeral.value
        var end = numeral.end
        if let exponent = self[end].flatMap({ SinoKoreanNumberParser.placeExponents[$0] }),
            let scaled = value.scaled(byPowerOfTen: exponent)
        {
            value = scaled
            end += 1
        }
        var groupPower: Int?
        if let power = self[end].flatMap({ SinoKoreanNumberParser.groupPowers[$0] }),
            let scaled = value.scaled(byPowerOfTen: 4 * power)
        {
            value = scaled
            end += 1
            groupPower = power
        }
        return (value, end, groupPower, numeral.isLeadingZero && end == numeral.end)
    }

    /// The unit at `start` (or after one space there) and the index after it.
    func unit(at start: Int) -> (unit: NumberUnit, end: Int)? {
        for offset in [0, 1] where offset == 0 || self[start] == " " {
            let from = start + offset
            for form in Self.units {
                if matches(form.written, at: from) { return (form.unit, from + form.written.count) }
                if matches(form.spoken, at: from) { return (form.unit, from + form.spoken.count) }
            }
        }
        return nil
    }

    /// Whether `word` occurs at `index`.
    func matches(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        for offset in word.indices where scalars[index + offset] != word[offset] { return false }
        return true
    }
}
