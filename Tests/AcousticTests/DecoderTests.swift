import Foundation
import Testing

@testable import Acoustic

/// CTC decoding, hotword bias and timestamps on hand-made posteriors.
struct DecoderTests {
    static let vocabulary = TokenVocabulary(tokens: ["<blank>", "<unk>", "▁", "할", "인", "가", "격", "배", "송"])
    static let (blank, space, hal, in_, ga, gyeok, bae, song) = (0, 2, 3, 4, 5, 6, 7, 8)

    /// Posteriors from per-frame probabilities (unlisted units share what is left equally).
    static func posteriors(_ frames: [[Int: Float]], vocabularySize: Int = 9) -> Posteriors {
        var values: [Float] = []
        for frame in frames {
            let rest = (1 - frame.values.reduce(0, +)) / Float(vocabularySize - frame.count)
            values += (0..<vocabularySize).map { log(frame[$0] ?? max(rest, 1e-6)) }
        }
        return Posteriors(frames: frames.count, vocabularySize: vocabularySize, values: values)
    }

    /// Greedy decoding collapses repeats and drops blanks, but keeps a repeat separated by a blank.
    @Test func greedyCollapses() {
        let p = Self.posteriors([
            [Self.hal: 0.9], [Self.hal: 0.9], [Self.blank: 0.9], [Self.hal: 0.9],
            [Self.in_: 0.9], [Self.in_: 0.9], [Self.blank: 0.9],
        ])
        #expect(GreedyDecoder().decode(p) == [Self.hal, Self.hal, Self.in_])
        #expect(Self.vocabulary.text(of: GreedyDecoder().decode(p)) == "할할인")
    }

    /// Beam search sums over paths: "할" (0.64 over all its paths) beats the best single path (blank, blank: 0.36).
    @Test func beamFindsTheLikelierPrefix() {
        let p = Self.posteriors(
            [[Self.blank: 0.6, Self.hal: 0.4], [Self.blank: 0.6, Self.hal: 0.4]], vocabularySize: 4)
        #expect(GreedyDecoder().decode(p) == [])
        #expect(PrefixBeamSearch(beamWidth: 4).decode(p) == [Self.hal])
    }

    /// With no hotwords, beam search agrees with greedy on confident posteriors.
    @Test func beamMatchesGreedyWhenConfident() {
        let p = Self.posteriors([[Self.bae: 0.95], [Self.blank: 0.95], [Self.song: 0.95], [Self.song: 0.95]])
        #expect(PrefixBeamSearch().decode(p) == GreedyDecoder().decode(p))
    }

    /// A hotword that is slightly less likely than a competitor wins once boosted.
    @Test func hotwordBoostFires() {
        // "할인" vs "가격" at each step: 0.45 vs 0.5.
        let p = Self.posteriors([
            [Self.ga: 0.5, Self.hal: 0.45], [Self.blank: 0.9],
            [Self.gyeok: 0.5, Self.in_: 0.45], [Self.blank: 0.9],
        ])
        #expect(PrefixBeamSearch().decode(p) == [Self.ga, Self.gyeok])
        let bias = HotwordBias(keywords: [Self.vocabulary.encode("할인")], boost: 1.0)
        #expect(PrefixBeamSearch(hotwords: bias).decode(p) == [Self.hal, Self.in_])
    }

    /// A beam of one still follows the hotword: the bonus decides which single prefix survives each frame.
    @Test func singleBeamHonoursHotwords() {
        let p = Self.posteriors([
            [Self.ga: 0.5, Self.hal: 0.45], [Self.blank: 0.9],
            [Self.gyeok: 0.5, Self.in_: 0.45], [Self.blank: 0.9],
        ])
        #expect(PrefixBeamSearch(beamWidth: 1).decode(p) == [Self.ga, Self.gyeok])
        let bias = HotwordBias(keywords: [Self.vocabulary.encode("할인")], boost: 1.0)
        #expect(PrefixBeamSearch(beamWidth: 1, hotwords: bias).decode(p) == [Self.hal, Self.in_])
    }

    /// A match that breaks gives its bonus back; a completed keyword keeps it.
    @Test func hotwordBonusCancelsWhenTheMatchBreaks() {
        let bias = HotwordBias(keywords: [[Self.hal, Self.in_, Self.ga]], boost: 2)
        var state = bias.initial
        var total: Float = 0
        for token in [Self.hal, Self.in_, Self.bae] {
            let step = bias.advance(state, with: token)
            state = step.state
            total += step.delta
        }
        #expect(total == 0)
        state = bias.initial
        total = 0
        for token in [Self.bae, Self.hal, Self.in_, Self.ga, Self.song] {
            let step = bias.advance(state, with: token)
            state = step.state
            total += step.delta
        }
        #expect(total == 6)
    }

    /// After a mismatch the automaton falls back to the longest keyword prefix still matching.
    @Test func hotwordFallsBackLikeAhoCorasick() {
        // Keywords "할할인": after "할할할" the last two syllables still match its prefix.
        let bias = HotwordBias(keywords: [[Self.hal, Self.hal, Self.in_]], boost: 1)
        var state = bias.initial
        var total: Float = 0
        for token in [Self.hal, Self.hal, Self.hal, Self.in_] {
            let step = bias.advance(state, with: token)
            state = step.state
            total += step.delta
        }
        #expect(total == 3)
    }

    /// An unfinished hotword does not win the final comparison on its bonus.
    @Test func unfinishedHotwordEarnsNothing() {
        // "할" + bonus 1 outscores "가" during the search (log 0.4 + 1 > log 0.55), but "인" never follows.
        let p = Self.posteriors([[Self.ga: 0.55, Self.hal: 0.4], [Self.blank: 0.999]])
        let bias = HotwordBias(keywords: [[Self.hal, Self.in_]], boost: 1)
        #expect(PrefixBeamSearch(hotwords: bias).decode(p) == [Self.ga])
    }

    /// Tokens on known frames get exact times: frame j spans 0.04 j + 0.0425 ± 0.02 s.
    @Test func timestampsOfAKnownAlignment() {
        var frames = [[Int: Float]](repeating: [Self.blank: 0.97], count: 20)
        for t in 5...7 { frames[t] = [Self.hal: 0.97] }
        for t in 9...9 { frames[t] = [Self.in_: 0.97] }
        frames[11] = [Self.space: 0.97]
        for t in 14...15 { frames[t] = [Self.bae: 0.97] }
        frames[17] = [Self.song: 0.97]
        let p = Self.posteriors(frames)
        let sequence = GreedyDecoder().decode(p)
        let spans = ForcedAlignment.align(sequence, to: p)
        #expect(spans?.map { [$0.firstFrame, $0.lastFrame] } == [[5, 7], [9, 9], [11, 11], [14, 15], [17, 17]])
        let words = TimedWords.words(
            for: sequence, posteriors: p, vocabulary: Self.vocabulary, clock: FrameClock(), offset: 10)
        #expect(words.map(\.text) == ["할인", "배송"])
        #expect(abs(words[0].start - (10 + 0.0425 + 0.04 * 5 - 0.02)) < 1e-9)
        #expect(abs(words[0].end - (10 + 0.0425 + 0.04 * 9 + 0.02)) < 1e-9)
        #expect(abs(words[1].start - (10 + 0.0425 + 0.04 * 14 - 0.02)) < 1e-9)
        #expect(abs(words[1].end - (10 + 0.0425 + 0.04 * 17 + 0.02)) < 1e-9)
        #expect(words.allSatisfy { $0.confidence > 0.9 })
    }

    /// A model's emission delay moves every word time earlier by it.
    @Test func emissionDelayMovesWordsEarlier() {
        var frames = [[Int: Float]](repeating: [Self.blank: 0.97], count: 12)
        frames[5] = [Self.hal: 0.97]
        frames[7] = [Self.in_: 0.97]
        let p = Self.posteriors(frames)
        let sequence = GreedyDecoder().decode(p)
        let plain = TimedWords.words(
            for: sequence, posteriors: p, vocabulary: Self.vocabulary, clock: FrameClock(), offset: 10)
        let delayed = TimedWords.words(
            for: sequence, posteriors: p, vocabulary: Self.vocabulary,
            clock: FrameClock(emissionDelay: 0.07), offset: 10)
        #expect(plain.count == 1 && delayed.count == 1)
        #expect(abs(plain[0].start - delayed[0].start - 0.07) < 1e-9)
        #expect(abs(plain[0].end - delayed[0].end - 0.07) < 1e-9)
    }

    /// A word on the first and last frames stays inside its utterance although the emission delay moves the
    /// first frame's slot before the audio begins (the shipped model's 78 ms gave −0.0555 s).
    @Test func wordTimesStayInsideTheUtterance() {
        var frames = [[Int: Float]](repeating: [Self.blank: 0.97], count: 6)
        frames[0] = [Self.hal: 0.97]
        frames[5] = [Self.in_: 0.97]
        let p = Self.posteriors(frames)
        let clock = FrameClock(emissionDelay: 0.078)
        let sequence = GreedyDecoder().decode(p)
        let unbounded = TimedWords.words(for: sequence, posteriors: p, vocabulary: Self.vocabulary, clock: clock)
        #expect(unbounded.first.map { $0.start < 0 } == true)
        let words = TimedWords.words(
            for: sequence, posteriors: p, vocabulary: Self.vocabulary, clock: clock,
            offset: 0, bounds: 0...0.2)
        #expect(words.map(\.start) == [0])
        #expect(words.allSatisfy { $0.end <= 0.2 && $0.end >= $0.start })
    }

    /// A sequence longer than the frames cannot be aligned and yields no words, not a crash.
    @Test func alignmentThatCannotFit() {
        let p = Self.posteriors([[Self.hal: 0.9]])
        #expect(ForcedAlignment.align([Self.hal, Self.in_], to: p) == nil)
        #expect(
            ForcedAlignment.align([Self.hal, Self.hal], to: Self.posteriors([[Self.hal: 0.9], [Self.hal: 0.9]])) == nil)
        #expect(ForcedAlignment.align([], to: p) == [])
    }

    /// Text is encoded as the model spells it and decoded back.
    @Test func vocabularyRoundTrip() {
        #expect(Self.vocabulary.encode(" 할인,  배송! ") == [Self.hal, Self.in_, Self.space, Self.bae, Self.song])
        #expect(Self.vocabulary.encode("할x") == [Self.hal, TokenVocabulary.unknown])
        #expect(Self.vocabulary.text(of: [Self.hal, Self.in_, Self.space, Self.bae]) == "할인 배")
        #expect(!Self.vocabulary.spellsJamo)
    }

    /// The jamo units of `Training/liveinsight_train/units.py` (`Vocab.jamo_units()`): blank,
    /// unknown, boundary, 18 onsets (no silent ㅇ), 21 vowels, 27 codas as conjoining jamo.
    static let jamo = TokenVocabulary(
        tokens: ["<blank>", "<unk>", "▁"]
            + (0..<19).filter { $0 != 11 }.map { String(UnicodeScalar(0x1100 + $0)!) }
            + (0..<21).map { String(UnicodeScalar(0x1161 + $0)!) }
            + (0..<27).map { String(UnicodeScalar(0x11A8 + $0)!) })

    /// With jamo units a keyword spelt from a vowel earns no bonus inside another syllable: 아이 is not boosted
    /// in 나이, neither from the start nor by falling back from a broken match of 나무.
    @Test func vowelHotwordDoesNotStartInsideASyllable() {
        let jamo = Self.jamo
        func bonus(_ text: String, keywords: [String], vocabulary: TokenVocabulary? = jamo) -> Float {
            let bias = HotwordBias(keywords: keywords.map(jamo.encode), boost: 1, vocabulary: vocabulary)
            var state = bias.initial
            var total: Float = 0
            for token in jamo.encode(text) {
                let step = bias.advance(state, with: token)
                (state, total) = (step.state, total + step.delta)
            }
            return total
        }
        #expect(bonus("아이", keywords: ["아이"]) == 2)
        #expect(bonus("한 아이", keywords: ["아이"]) == 2, "after a coda a new syllable starts")
        #expect(bonus("나이", keywords: ["아이"]) == 0)
        #expect(bonus("나이", keywords: ["나무", "아이"]) == 0)
        #expect(bonus("나무", keywords: ["나무", "아이"]) == 4)
        // Without the vocabulary the automaton cannot tell onsets apart, and 아이 matches inside 나이.
        #expect(bonus("나이", keywords: ["아이"], vocabulary: nil) == 2)
    }

    /// With jamo units a syllable is spelt onset, vowel, coda without the silent ㅇ, and decoding puts it
    /// back and composes.
    @Test func jamoVocabularySpellsAndComposes() throws {
        #expect(Self.jamo.spellsJamo)
        // 안 = (ᄋ) ᅡ(vowel 0) ᆫ(coda 3); 녕 = ᄂ(onset 2) ᅧ(6) ᆼ(20); 값 = ᄀ(0) ᅡ(0) ᆹ(17); 이 = (ᄋ) ᅵ(20)
        let (onset, vowel, coda) = (3, 3 + 18, 3 + 18 + 21)
        let ids = Self.jamo.encode(" 안녕, 값이x ")
        #expect(
            ids == [
                vowel + 0, coda + 3, onset + 2, vowel + 6, coda + 20, Self.space,
                onset + 0, vowel + 0, coda + 17, vowel + 20, TokenVocabulary.unknown,
            ])
        #expect(Self.jamo.text(of: Array(ids.dropLast())) == "안녕 값이")
        #expect(Self.jamo.text(of: Array(ids.dropLast())).unicodeScalars.count == 5)  // 안 녕 space 값 이: composed
        // A coda with no vowel before it makes no syllable and stays a jamo.
        #expect(Self.jamo.text(of: [coda + 3, onset + 2, vowel + 6]) == "\u{11AB}녀")
    }
}
