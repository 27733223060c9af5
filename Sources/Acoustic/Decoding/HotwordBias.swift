/// Keyword boosting for CTC beam search: an Aho-Corasick automaton over the keywords' token
/// sequences.
///
/// A hypothesis that extends a prefix of a listed keyword earns `boost` per token; if the next token
/// breaks the match, the bonus earned on the broken part is taken back (the hypothesis falls back
/// to the longest keyword prefix that is still a suffix of what it said). A completed keyword keeps
/// its bonus. So hotwords pull the search towards themselves without rewarding near misses.
///
/// With jamo units a keyword spelt from a vowel (the units leave out the silent ㅇ) never starts inside
/// another syllable (`TokenVocabulary.continuesSyllable`: 아이 in 나이), as in `KeywordSpotter`.
public struct HotwordBias: Sendable {
    /// A position in the automaton: a node and the bonus currently held by the unfinished match.
    public struct State: Hashable, Sendable {
        let node: Int
        /// Bonus held by the partial match (returned when it breaks).
        public let pending: Float
        /// The last token fed (the blank before any).
        let previous: Int
    }

    private struct Node: Sendable {
        var children: [Int: Int] = [:]
        var failure = 0
        var isKeywordEnd = false
        /// The tokens from the root to this node.
        var path: [Int] = []
        var depth: Int { path.count }
    }

    private var nodes = [Node()]
    /// Log-probability bonus per matching token.
    public let boost: Float
    private let vocabulary: TokenVocabulary?

    /// The start state (no partial match).
    public var initial: State { State(node: 0, pending: 0, previous: TokenVocabulary.blank) }

    /// Builds the automaton over `keywords` (token sequences; empty ones are ignored). `vocabulary` tells
    /// onsets and vowels apart when the units are jamo.
    public init(keywords: [[Int]], boost: Float = 1.5, vocabulary: TokenVocabulary? = nil) {
        self.boost = boost
        self.vocabulary = vocabulary
        for keyword in keywords where !keyword.isEmpty {
            var node = 0
            for token in keyword {
                if let child = nodes[node].children[token] {
                    node = child
                } else {
                    nodes.append(Node(path: nodes[node].path + [token]))
                    nodes[node].children[token] = nodes.count - 1
                    node = nodes.count - 1
                }
            }
            nodes[node].isKeywordEnd = true
        }
        // Breadth-first failure links (classic Aho-Corasick).
        var queue = Array(nodes[0].children.values)
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (token, child) in nodes[node].children {
                var fallback = nodes[node].failure
                while fallback != 0 && nodes[fallback].children[token] == nil { fallback = nodes[fallback].failure }
                var target = nodes[fallback].children[token] ?? 0
                if target == child { target = 0 }
                // The longest keyword prefix that may start where it would in this child's tokens.
                let path = nodes[child].path
                while target != 0 && !mayStart(nodes[target].path, after: path.dropLast(nodes[target].depth)) {
                    target = nodes[target].failure
                }
                nodes[child].failure = target
                queue.append(child)
            }
        }
    }

    /// Whether a match of `tokens` may begin right after `before`: not inside the syllable `before` ends in.
    private func mayStart(_ tokens: [Int], after before: ArraySlice<Int>) -> Bool {
        guard let vocabulary, let first = tokens.first, let previous = before.last else { return true }
        return !vocabulary.continuesSyllable(first, after: previous)
    }

    /// Whether any keyword was given.
    public var isEmpty: Bool { nodes[0].children.isEmpty }

    /// Feeds `token` to `state`. Returns the new state and the score change for this step: `+boost`
    /// when the match extends, minus the bonus given back when it breaks (plus any new match begun).
    /// Completing a keyword keeps its bonus and returns to the start.
    public func advance(_ state: State, with token: Int) -> (state: State, delta: Float) {
        var node = state.node
        while node != 0 && nodes[node].children[token] == nil { node = nodes[node].failure }
        var next = nodes[node].children[token] ?? 0
        if node == 0 && vocabulary?.continuesSyllable(token, after: state.previous) == true { next = 0 }
        let newPending = Float(nodes[next].depth) * boost
        if nodes[next].isKeywordEnd {
            // The keyword is complete: its bonus is earned for good; start afresh.
            return (State(node: 0, pending: 0, previous: token), newPending - state.pending)
        }
        return (State(node: next, pending: newPending, previous: token), newPending - state.pending)
    }
}
