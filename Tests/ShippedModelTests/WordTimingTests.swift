import Acoustic
import Foundation
import Testing
import Transcription

/// Word start times on utterances synthesised word by word, so every true start is known exactly.
@Suite(.enabled(if: ShippedModel.isShipped, "no model in Models/ yet"))
struct WordTimingTests {
    @Test func medianWordStartErrorMeetsTheModelCard() throws {
        let set = try EvaluationSet(name: "timing")
        let transcriber = try ShippedModel.transcriber()
        let vocabulary = TokenVocabulary(tokens: transcriber.model.configuration.vocabulary)
        var errors: [Double] = []
        for utterance in set.utterances {
            let truth = try JSONDecoder().decode(
                [Double].self, from: Data((utterance.fields["word_starts"] ?? "[]").utf8))
            let reference = utterance.fields["spoken"] ?? ""
            let posteriors = transcriber.posteriorsStream.posteriors(utterance.samples)
            // Aligned to the reference text, so recognition errors do not move word boundaries.
            let words = TimedWords.words(
                for: vocabulary.encode(reference), posteriors: posteriors,
                vocabulary: vocabulary, clock: transcriber.clock)
            try #require(words.count == truth.count, "\(reference): \(words.count) aligned words")
            errors += zip(words, truth).map { abs($0.start - $1) }
        }
        errors.sort()
        let median = errors[errors.count / 2]
        #expect(errors.count > 150)
        let claimed = try ShippedModel.claimed("timing-median-start-error", measured: median)
        // Forced alignment is deterministic given the posteriors; 10 ms covers PyTorch vs Swift arithmetic.
        #expect(
            median <= claimed + 0.010,
            "median word-start error \(median) s over \(errors.count) words, model card \(claimed)")
        ShippedModel.expect(median, meets: .atMost(0.080), cardClaims: claimed, "median word-start error (s)")
    }
}
