/// Counts of one alignment, or totals over many, and the error rate they give.
public struct ErrorCounts: Codable, Equatable, Hashable, Sendable {
    /// Tokens that match (hits).
    public var hits: Int
    /// Reference tokens replaced by other tokens.
    public var substitutions: Int
    /// Reference tokens missing from the hypothesis.
    public var deletions: Int
    /// Hypothesis tokens with no reference counterpart.
    public var insertions: Int

    /// Creates counts.
    public init(hits: Int = 0, substitutions: Int = 0, deletions: Int = 0, insertions: Int = 0) {
        self.hits = hits
        self.substitutions = substitutions
        self.deletions = deletions
        self.insertions = insertions
    }

    /// Counts the operations of `steps`.
    public init(_ steps: [EditStep]) {
        self.init()
        for step in steps {
            switch step.operation {
            case .correct: hits += 1
            case .substitution: substitutions += 1
            case .deletion: deletions += 1
            case .insertion: insertions += 1
            }
        }
    }

    /// S + D + I, which equals the Levenshtein distance.
    public var errors: Int { substitutions + deletions + insertions }
    /// Reference tokens: H + S + D.
    public var referenceLength: Int { hits + substitutions + deletions }
    /// Hypothesis tokens: H + S + I.
    public var hypothesisLength: Int { hits + substitutions + insertions }

    /// (S + D + I) / N for N reference tokens. With an empty reference the rate is the number of
    /// insertions (0 when the hypothesis is empty too), i.e. errors / max(N, 1) — jiwer's convention for an
    /// empty reference. Rates can exceed 1 when the hypothesis has many insertions.
    public var rate: Double { Double(errors) / Double(max(referenceLength, 1)) }

    /// The sum of two sets of counts: corpus figures are totals, never an average of rates.
    public static func + (lhs: ErrorCounts, rhs: ErrorCounts) -> ErrorCounts {
        ErrorCounts(
            hits: lhs.hits + rhs.hits, substitutions: lhs.substitutions + rhs.substitutions,
            deletions: lhs.deletions + rhs.deletions, insertions: lhs.insertions + rhs.insertions)
    }
}
