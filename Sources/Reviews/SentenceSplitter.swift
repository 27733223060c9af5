/// Splits a review into normalised sentences, for topic-level sentiment.
///
/// The text is cut at line breaks first, each line normalised (`ReviewText.normalize`), then a sentence ends after terminal punctuation (. ! ? … ~ ; and their full-width forms), after an emoticon
/// run (ㅋㅋ, ㅎㅎ, ㅠㅠ, ㅜㅜ, ^^, ;;), at a line break, or at a word that ends in a common Korean
/// sentence ending (…요, …다, …죠, …네, …음, …함, …임, …듯) when another word follows. Punctuation and
/// emoticons stay with the sentence they close; empty pieces are dropped.
public enum SentenceSplitter {
    static let terminalPunctuation: Set<Character> = [".", "!", "?", "…", "~", ";", "。", "！", "？", "～"]
    static let emoticonCharacters: Set<Character> = ["ㅋ", "ㅎ", "ㅠ", "ㅜ", "^", ";"]
    static let sentenceEndings: Set<Character> = ["요", "다", "죠", "네", "음", "함", "임", "듯"]

    /// The normalised sentences of raw review `text`.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).flatMap { splitLine(ReviewText.normalize(String($0))) }
    }

    /// The sentences of one normalised line.
    static func splitLine(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        func flush() {
            let trimmed = current.trimmingSpaces()
            if !trimmed.isEmpty { sentences.append(trimmed) }
            current = ""
        }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            current.append(character)
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if terminalPunctuation.contains(character) || emoticonCharacters.contains(character) {
                // Close after the whole run of punctuation / emoticons.
                if let next, terminalPunctuation.contains(next) || emoticonCharacters.contains(next) {
                    // still inside the run
                } else if !(character == "." && next.map(\.isNumber) == true) {  // 3.5 is a number
                    flush()
                }
            } else if sentenceEndings.contains(character), next == " ", endsWord(at: index, in: characters),
                      wordLength(endingAt: index, in: characters) >= 2 {
                flush()
            }
            index += 1
        }
        flush()
        return sentences
    }

    private static func endsWord(at index: Int, in characters: [Character]) -> Bool {
        index + 1 == characters.count || characters[index + 1] == " "
    }

    private static func wordLength(endingAt index: Int, in characters: [Character]) -> Int {
        var start = index
        while start > 0, characters[start - 1] != " " { start -= 1 }
        return index - start + 1
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
