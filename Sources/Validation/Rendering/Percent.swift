import Foundation

/// Formatting shared by the renderers.
enum Percent {
    /// A rate as a percentage with one decimal ("11.8%").
    static func format(_ rate: Double) -> String {
        String(format: "%.1f%%", rate * 100)
    }

    /// Seconds with two decimals ("0.12 s").
    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value)
    }
}
