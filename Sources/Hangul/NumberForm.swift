/// Which way ``TextNormalizer`` writes numbers, so both sides of a comparison use the same form.
public enum NumberForm: String, Codable, Sendable, CaseIterable {
    /// Numbers are left as written.
    case keep
    /// Digits are read out as spoken Korean with ``NumberVerbalizer`` ("39,000원" → "삼만 구천 원").
    /// Exact and deterministic; the default for scoring, because speech recognisers write numbers this way.
    case spoken
    /// Spoken numbers are written as digits with ``NumberDigitizer`` ("삼만 구천 원" → "39000원").
    /// Best effort: see ``NumberDigitizer`` for the patterns it recognises.
    case digits
}
