import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body (the dashboard's forms).
struct FormFields: Sendable {
    /// Largest form body read (64 KiB: an inquiry's 5,000 characters with room to spare).
    static let maximumBytes = 64 * 1024

    private let values: [String: String]

    /// Parses `text`; the last value of a repeated name wins.
    init(_ text: String) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            values[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        self.values = values
    }

    /// The body of `request`, collected (it stays readable for the handler after the middleware).
    static func read(_ request: inout Request) async throws -> FormFields {
        let buffer = try await request.collectBody(upTo: maximumBytes)
        return FormFields(String(buffer: buffer))
    }

    subscript(_ name: String) -> String? { values[name] }
}
