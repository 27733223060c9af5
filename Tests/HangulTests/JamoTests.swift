import Foundation
import Testing

@testable import Hangul

/// Composition and decomposition of syllables and compatibility jamo.
struct JamoTests {
    /// Every one of the 11,172 syllables decomposes into valid jamo and composes back to itself.
    @Test func everySyllableRoundTrips() throws {
        for value in Jamo.firstSyllable..<(Jamo.firstSyllable + Jamo.syllableCount) {
            let syllable = try #require(Unicode.Scalar(value))
            let parts = try #require(Jamo.decompose(syllable))
            #expect(Jamo.isLead(parts.lead) && Jamo.isVowel(parts.vowel))
            #expect(parts.tail.map(Jamo.isTail) ?? true)
            #expect(Jamo.compose(parts) == syllable)
        }
    }

    /// String decomposition matches Foundation's NFD and composition inverts it, for all syllables at once.
    @Test func stringRoundTripMatchesFoundation() {
        var all = String.UnicodeScalarView()
        for value in Jamo.firstSyllable..<(Jamo.firstSyllable + Jamo.syllableCount) {
            all.append(Jamo.scalar(value))
        }
        let text = String(all)
        let decomposed = Jamo.decompose(text)
        #expect(decomposed == UnicodeNormalization.nfd(text))
        #expect(Jamo.compose(decomposed) == text)
        #expect(UnicodeNormalization.nfc(decomposed) == text)
    }

    /// Known syllables split into the expected jamo.
    @Test func knownSyllables() {
        #expect(
            Jamo.decompose("한" as Unicode.Scalar) == Jamo.Parts(lead: "\u{1112}", vowel: "\u{1161}", tail: "\u{11AB}"))
        #expect(Jamo.decompose("가" as Unicode.Scalar) == Jamo.Parts(lead: "\u{1100}", vowel: "\u{1161}"))
        #expect(
            Jamo.decompose("힣" as Unicode.Scalar) == Jamo.Parts(lead: "\u{1112}", vowel: "\u{1175}", tail: "\u{11C2}"))
        #expect(Jamo.decompose("A" as Unicode.Scalar) == nil)
        #expect(Jamo.compose(Jamo.Parts(lead: "A", vowel: "\u{1161}")) == nil)
    }

    /// Composition leaves non-Hangul text and incomplete jamo alone.
    @Test func composeLeavesOtherTextAlone() {
        #expect(Jamo.compose("abc \u{1112}") == "abc \u{1112}")
        #expect(Jamo.compose("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}!") == "한글!")
    }

    /// Typed compatibility jamo compose into syllables, choosing tails the way a keyboard does.
    @Test func compatibilityJamoCompose() {
        #expect(CompatibilityJamo.compose("ㅎㅏㄴㄱㅡㄹ") == "한글")
        #expect(CompatibilityJamo.compose("ㄱㅏㄴㅏ") == "가나")
        #expect(CompatibilityJamo.compose("ㅋㅋㅋ ㅠㅠ ㅇㅋ") == "ㅋㅋㅋ ㅠㅠ ㅇㅋ")
        #expect(CompatibilityJamo.compose("ㄸㅏㄸ") == "따ㄸ")
    }

    /// Syllables spell out as compatibility letters and map back to conjoining jamo.
    @Test func compatibilitySpelling() {
        #expect(CompatibilityJamo.spell("한글") == "ㅎㅏㄴㄱㅡㄹ")
        #expect(CompatibilityJamo.lead(for: "ㄱ") == "\u{1100}")
        #expect(CompatibilityJamo.tail(for: "ㄳ") == "\u{11AA}")
        #expect(CompatibilityJamo.lead(for: "ㄳ") == nil)
        #expect(CompatibilityJamo.vowel(for: "ㅣ") == "\u{1175}")
    }
}
