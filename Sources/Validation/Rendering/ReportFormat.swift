import Foundation

/// Number formatting shared by the renderers.
enum ReportFormat {
    /// Seconds with two decimals ("0.12 s").
    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value)
    }
}
