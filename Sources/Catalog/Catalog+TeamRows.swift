import Checkpoints
import Foundation

/// What the team tables share: rows selected by state, and values kept as JSON text.
extension Catalog {
    /// `columns` of the rows of `table` whose `state` is one of `states`, in `order`.
    func rows(_ columns: String, of table: String, states: [String], order: String) throws(PipelineError) -> [SQLRow] {
        let marks = Array(repeating: "?", count: states.count).joined(separator: ", ")
        return try read { db in
            try db.query("SELECT \(columns) FROM \(table) WHERE state IN (\(marks)) ORDER BY \(order)", states.sorted())
        }
    }

    /// `value` as JSON text with sorted keys (stable, so equal values store equal text).
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A value read back from JSON text.
    static func decoded<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
