import Acoustic
import Hangul

/// The words of a given text as the model hears them: written numbers read out (39,000원 → 삼만 구천 원),
/// punctuation and symbols dropped, so captions and cue sheets spell words the way recognised ones are.
enum SpokenWords {
    /// The spoken words of `text`, each with its model units; words with no units (a lone symbol) are left out.
    static func of(_ text: String, vocabulary: TokenVocabulary) -> [(text: String, units: [Int])] {
        let spoken = Punctuation.remove(from: NumberVerbalizer().spokenForm(of: text))
        return spoken.split(whereSeparator: \.isWhitespace).compactMap { word in
            let units = vocabulary.encode(String(word))
            return units.isEmpty ? nil : (String(word), units)
        }
    }
}
