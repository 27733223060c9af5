import Foundation
import Hangul

/// The model's output units: id 0 the CTC blank, 1 unknown, 2 the word boundary "▁", then either Hangul
/// syllables or Hangul conjoining jamo (onsets from U+1100, vowels from U+1161, codas from U+11A8), as
/// `Training/liveinsight_train/units.py` defines them. Converts between text and token ids.
/// With jamo units a syllable is spelt as its canonical decomposition without the silent onset
/// ㅇ (the model emits what sounds), and decoding puts ㅇ before each vowel that follows no
/// onset, then composes syllables (NFC); jamo that still make no syllable stay as they are.
public struct TokenVocabulary: Sendable {
    /// Id of the CTC blank.
    public static let blank = 0
    /// Id of the unknown unit (shown as U+FFFD).
    public static let unknown = 1
    /// Id of the word boundary.
    public static let wordBoundary = 2

    /// Token strings by id.
    public let tokens: [String]
    /// Whether the units are jamo: the first unit after the word boundary is the onset ᄀ (U+1100).
    public let spellsJamo: Bool
    private let ids: [String: Int]
    private let onsets: [Bool], vowels: [Bool]  // by id: asked on every step of beam search and spotting
    private static let silentOnset: Unicode.Scalar = "\u{110B}"

    public init(tokens: [String]) {
        self.tokens = tokens
        let spellsJamo = tokens.count > 3 && tokens[3] == "\u{1100}"
        self.spellsJamo = spellsJamo
        ids = Dictionary(tokens.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        // The jamo a unit spells; none for the special units and with syllable units.
        let jamo = tokens.indices.map { id in
            spellsJamo && id > Self.wordBoundary ? tokens[id].unicodeScalars.first : nil
        }
        onsets = jamo.map { $0.map(Jamo.isLead) ?? false }
        vowels = jamo.map { $0.map(Jamo.isVowel) ?? false }
    }

    /// Token ids of `text` as the model would spell it: NFC syllables (decomposed into jamo when the units
    /// are jamo), spaces as word boundaries (runs collapsed, none at the ends), anything else unknown.
    /// Punctuation is dropped.
    public func encode(_ text: String) -> [Int] {
        var result: [Int] = []
        for character in text.precomposedStringWithCanonicalMapping {
            if character.isWhitespace {
                if let last = result.last, last != Self.wordBoundary { result.append(Self.wordBoundary) }
            } else if character.isPunctuation || character.isSymbol {
                continue
            } else if spellsJamo {
                let jamo = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
                    .filter { $0 != Self.silentOnset }.map { ids[String($0)] }
                result += jamo.contains(nil) ? [Self.unknown] : jamo.compactMap { $0 }
            } else {
                result.append(ids[String(character)] ?? Self.unknown)
            }
        }
        if result.last == Self.wordBoundary { result.removeLast() }
        return result
    }

    /// The text of a token sequence (blanks skipped, boundaries as spaces, unknowns as U+FFFD).
    public func text(of sequence: [Int]) -> String {
        var text = ""
        for id in sequence where id != Self.blank {
            switch id {
            case Self.wordBoundary: text += " "
            case Self.unknown: text += "\u{FFFD}"
            default: text += id < tokens.count ? tokens[id] : "\u{FFFD}"
            }
        }
        let words = text.split(separator: " ").joined(separator: " ")
        return spellsJamo ? Self.composeJamo(words) : words
    }

    /// Whether unit `id` is a jamo onset (U+1100…U+1112); never with syllable units.
    public func isOnset(_ id: Int) -> Bool { onsets.indices.contains(id) && onsets[id] }

    /// Whether unit `id` is a jamo vowel (U+1161…U+1175); never with syllable units.
    public func isVowel(_ id: Int) -> Bool { vowels.indices.contains(id) && vowels[id] }

    /// Whether `unit` right after `previous` belongs to `previous`'s syllable: a vowel after an onset. So a
    /// keyword spelt from a vowel (its silent ㅇ left out) never starts there: it would be the inside of
    /// another syllable (아이 in 나이). Never with syllable units.
    public func continuesSyllable(_ unit: Int, after previous: Int) -> Bool { isVowel(unit) && isOnset(previous) }

    /// Syllables from jamo without silent onsets: ㅇ before each vowel that follows no onset, then NFC.
    static func composeJamo(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if Jamo.isVowel(scalar) && !(scalars.last.map(Jamo.isLead) ?? false) {
                scalars.append(silentOnset)
            }
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}
