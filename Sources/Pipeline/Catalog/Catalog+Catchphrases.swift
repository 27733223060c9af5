import Catchphrases
import Foundation
import GRDB

/// Suggested, approved and rejected sales lines (`catchphrases`); the evidence is kept as JSON.
extension Catalog: CatchphraseStore {
    public func replaceSuggestions(_ lines: [Catchphrase], product: String, now: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let rows = try lines.map { ($0, String(decoding: try encoder.encode($0.evidence), as: UTF8.self)) }
        try write { db in
            try db.execute(sql: "DELETE FROM catchphrases WHERE product_id = ? AND state = 'suggested'", arguments: [product])
            for (line, evidence) in rows {
                try db.execute(sql: """
                    INSERT INTO catchphrases (product_id, topic, hook, line, evidence, state, created) VALUES (?, ?, ?, ?, ?, 'suggested', ?)
                    """, arguments: [product, line.topic, line.hook, line.line, evidence, now])
            }
        }
    }

    public func catchphrases(in states: Set<CatchphraseState>) throws -> [Catchphrase] {
        let decoder = JSONDecoder()
        let marks = Array(repeating: "?", count: states.count).joined(separator: ", ")
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, product_id, topic, hook, line, evidence, state FROM catchphrases WHERE state IN (\(marks))
                ORDER BY product_id, id
                """, arguments: StatementArguments(states.map(\.rawValue).sorted()))
        }
        return try rows.map { row in
            Catchphrase(id: row[0], productID: row[1], topic: row[2], hook: row[3], line: row[4],
                        evidence: try decoder.decode(CatchphraseEvidence.self, from: Data((row[5] as String).utf8)),
                        state: CatchphraseState(rawValue: row[6]) ?? .suggested)
        }
    }

    public func updateCatchphrase(_ id: Int64, state: CatchphraseState, line: String?, by account: String,
                                  now: Date) throws(PipelineError) -> Bool {
        try write { db in
            try db.execute(sql: """
                UPDATE catchphrases SET state = ?, line = coalesce(?, line), changed_by = ?, changed = ? WHERE id = ?
                """, arguments: [state.rawValue, line, account, now, id])
            return db.changesCount > 0
        }
    }
}
