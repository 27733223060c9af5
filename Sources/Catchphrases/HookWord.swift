/// Which review words can carry a sales line, and how. Content words keep verb and adjective endings, so a
/// word is either a noun (보습, 촉촉함, 가성비), used as a noun in the line, or a polite predicate ending in 요
/// (예뻐요, 따뜻해요), used as the line's predicate; a word with any other verbal ending (부드럽고, 예뻐서) would read
/// as broken Korean in a template and is passed over.
enum HookWord {
    enum Kind: Equatable { case noun, predicate }

    /// Last syllables that mark a conjugated verb or adjective (other than the polite 요).
    static let verbalEndings: Set<Character> = [
        "고", "다", "서", "게", "네", "지", "데", "며", "면", "니", "는", "한", "된", "던", "해", "워", "져", "죠", "음",
        "어", "아", "운", "은", "인", "든", "나", "까", "라", "께", "했", "였", "겠", "습", "듯", "이",
    ]

    /// How `word` (a content word) can be used, or nil when it cannot: nouns of two to six syllables,
    /// predicates of three to six ending in 요.
    static func kind(_ word: String) -> Kind? {
        guard let last = word.last, word.count <= 6 else { return nil }
        if last == "요" { return word.count >= 3 ? .predicate : nil }
        return word.count >= 2 && !verbalEndings.contains(last) ? .noun : nil
    }
}
