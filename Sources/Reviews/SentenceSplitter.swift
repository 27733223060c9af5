/// Splits a review into normalised sentences, for topic-level sentiment.
///
/// The text is cut at line breaks first, each line normalised (`ReviewText.normalize`), then a sentence ends after
/// terminal punctuation (. ! ? … ~ ; and their full-width forms), after an emoticon run (ㅋㅋ, ㅎㅎ, ㅠㅠ, ㅜㅜ, ^^, ;;),
/// at a line break, or at a word that ends in a common Korean sentence ending (…요, …다, …죠, …네, …음, …함, …임, …듯) when
/// another word follows. Punctuation and emoticons stay with the sentence they close; empty pieces are dropped; a
/// one-word piece (a closing verdict such as 최악, 강추, 대만족) joins the sentence before it, which it is usually about.
public enum SentenceSplitter {
    static let terminalPunctuation: Set<Unicode.Scalar> = [".", "!", "?", "…", "~", ";", "。", "！", "？", "～"]
    static let emoticonScalars: Set<Unicode.Scalar> = ["ㅋ", "ㅎ", "ㅠ", "ㅜ", "^", ";"]
    static let sentenceEndings: Set<Unicode.Scalar> = ["요", "다", "죠", "네", "음", "함", "임", "듯"]

    /// The normalised sentences of raw review `text`.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).flatMap { splitLine(ReviewText.normalize(String($0))) }
    }

    /// The sentences of one normalised line (scalars suffice: every mark above is one scalar in NFC).
    static func splitLine(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [String] = []
        var start = 0, wordStart = 0
        func flush(through end: Int) {
            var piece = scalars[start...end]
            while piece.first == " " { piece.removeFirst() }
            while piece.last == " " { piece.removeLast() }
            if !piece.isEmpty {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: piece)
                sentences.append(String(view))
            }
            start = end + 1
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " { wordStart = index + 1; continue }
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if isMark(scalar) {
                // Close after the whole run of punctuation / emoticons; 3.5 is a number, not a sentence end.
                if let next, isMark(next) { continue }
                if scalar == ".", let next, next.properties.numericType != nil { continue }
                flush(through: index)
            } else if sentenceEndings.contains(scalar), next == " ", index - wordStart + 1 >= 2 {
                flush(through: index)
            }
        }
        if start < scalars.count { flush(through: scalars.count - 1) }
        return sentences.reduce(into: []) { merged, sentence in
            if let last = merged.last, !sentence.unicodeScalars.contains(" ") {
                merged[merged.count - 1] = last + " " + sentence
            } else {
                merged.append(sentence)
            }
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        terminalPunctuation.contains(scalar) || emoticonScalars.contains(scalar)
    }
}
