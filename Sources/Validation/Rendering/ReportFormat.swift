import Foundation

/// Number formatting shared by the renderers.
enum ReportFormat {
    /// A rate as a percentage with one decimal ("11.8%").
    static func percent(_ rate: Double) -> String {
        String(format: "%.1f%%", rate * 100)
    }

    /// Seconds with two decimals ("0.12 s").
    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value)
    }
}
