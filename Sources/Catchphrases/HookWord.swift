/// Which review words can stand alone in a sales line. Content words keep verb and adjective endings
/// (부드럽고, 좋아요); in a template those read as broken Korean, so words ending in a common verbal ending
/// are passed over and nouns (보습, 촉촉함, 가성비) remain.
enum HookWord {
    /// Last syllables that mark a conjugated verb or adjective.
    static let verbalEndings: Set<Character> = [
        "고", "요", "다", "서", "게", "네", "지", "데", "며", "면", "니", "는", "한", "된", "던", "해", "워", "져", "죠", "음",
        "어", "아", "운", "은", "인", "던", "든", "나", "까", "라", "께", "했", "였", "겠", "습", "듯", "이",
    ]

    /// Whether `word` (a content word) can be a hook: two to six syllables, not ending like a verb.
    static func qualifies(_ word: String) -> Bool {
        guard (2...6).contains(word.count), let last = word.last else { return false }
        return !verbalEndings.contains(last)
    }
}
