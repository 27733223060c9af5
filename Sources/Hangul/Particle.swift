/// Korean particles chosen by whether the word before them ends in a consonant (받침): 이/가, 은/는, 을/를,
/// 과/와, and (으)로, where ㄹ takes 로. A word ending in a non-Hangul character is read by its last Hangul
/// syllable, else as ending in a vowel.
public enum Particle {
    /// 이 after a consonant, 가 after a vowel.
    public static func subject(_ word: String) -> String { final(word) != nil ? "이" : "가" }
    /// 은 / 는.
    public static func topic(_ word: String) -> String { final(word) != nil ? "은" : "는" }
    /// 을 / 를.
    public static func object(_ word: String) -> String { final(word) != nil ? "을" : "를" }
    /// 과 / 와.
    public static func and(_ word: String) -> String { final(word) != nil ? "과" : "와" }
    /// 으로 / 로 (로 after a vowel or ㄹ).
    public static func direction(_ word: String) -> String {
        guard let coda = final(word), coda != 8 else { return "로" }
        return "으로"
    }

    /// The final consonant index (1–27, 8 = ㄹ) of the last Hangul syllable, nil when it ends in a vowel.
    public static func final(_ word: String) -> Int? {
        for scalar in word.unicodeScalars.reversed() where (0xAC00...0xD7A3).contains(scalar.value) {
            let coda = Int((scalar.value - 0xAC00) % 28)
            return coda == 0 ? nil : coda
        }
        return nil
    }
}
