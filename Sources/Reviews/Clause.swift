/// A stretch of a review sentence with one polarity: sentences are cut after a word ending in 지만 and before a
/// contrastive connective (다만, 하지만, 그런데, 근데, 그러나, 그치만), since 배송은 늦었지만 칼은 정말 좋아요 praises
/// one thing and faults another.
public struct Clause: Sendable, Equatable {
    /// The clause's words, as in the normalised sentence.
    public let text: String
    /// Whether it concedes a point against the review's drift: it ends in 지만 or opens with a connective.
    public let isConcessive: Bool
    /// Whether it holds a negation (안, 못, or a word starting with 않 or 없).
    public let isNegated: Bool

    static let connectives: Set<String> = ["다만", "하지만", "그런데", "근데", "그러나", "그치만"]

    /// The clauses of a normalised `sentence`, in order.
    public static func split(_ sentence: String) -> [Clause] {
        var clauses: [Clause] = []
        var words: [Substring] = []
        var opensWithConnective = false
        func close(concessive: Bool) {
            guard !words.isEmpty else { return }
            let negated = words.contains { word in
                let core = ParticleStripper.trimPunctuation(word)
                return core == "안" || core == "못" || core.hasPrefix("않") || core.hasPrefix("없")
            }
            clauses.append(Clause(text: words.joined(separator: " "), isConcessive: concessive, isNegated: negated))
            words = []
        }
        for word in sentence.split(separator: " ") {
            if connectives.contains(ParticleStripper.trimPunctuation(word)) {
                close(concessive: opensWithConnective)
                opensWithConnective = true
            }
            words.append(word)
            if ParticleStripper.trimPunctuation(word).hasSuffix("지만") {
                close(concessive: true)
                opensWithConnective = false
            }
        }
        close(concessive: opensWithConnective)
        return clauses
    }
}
