/// Named customer segments over the R and F scores, the widely used 5 × 5 grid of RFM practice
/// (every (R, F) cell belongs to exactly one segment):
///
/// | F \ R | 1–2 | 3 | 4 | 5 |
/// | --- | --- | --- | --- | --- |
/// | 5 | can't lose them | loyal | loyal | champions |
/// | 4 | at risk | loyal | loyal | champions |
/// | 3 | at risk | need attention | potential loyalists | potential loyalists |
/// | 2 | hibernating | about to sleep | potential loyalists | potential loyalists |
/// | 1 | hibernating | about to sleep | promising | new customers |
public enum RFMSegment: String, Codable, Sendable, CaseIterable {
    case champions, loyal
    case potentialLoyalists = "potential loyalists"
    case newCustomers = "new customers"
    case promising
    case needAttention = "need attention"
    case aboutToSleep = "about to sleep"
    case atRisk = "at risk"
    case cantLoseThem = "can't lose them"
    case hibernating

    public init(r: Int, f: Int) {
        switch (r, f) {
        case (5, 4...5): self = .champions
        case (3...4, 4...5): self = .loyal
        case (4...5, 2...3): self = .potentialLoyalists
        case (5, 1): self = .newCustomers
        case (4, 1): self = .promising
        case (3, 3): self = .needAttention
        case (3, 1...2): self = .aboutToSleep
        case (1...2, 3...4): self = .atRisk
        case (1...2, 5): self = .cantLoseThem
        default: self = .hibernating
        }
    }
}
