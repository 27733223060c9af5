import Catchphrases
import Checkpoints
import Foundation
import GRDB

/// Suggested, approved and rejected sales lines (`catchphrases`); the evidence is kept as JSON.
extension Catalog: CatchphraseStore {
    public func replaceSuggestions(_ lines: [Catchphrase], product: String, now: Date) throws {
        let rows = try lines.map { ($0, try Self.json($0.evidence)) }
        try write { db in
            try db.execute(
                sql: "DELETE FROM catchphrases WHERE product_id = ? AND state = 'suggested'", arguments: [product])
            for (line, evidence) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO catchphrases (product_id, topic, hook, line, evidence, state, created)
                        VALUES (?, ?, ?, ?, ?, 'suggested', ?)
                        """, arguments: [product, line.topic, line.hook, line.line, evidence, now])
            }
        }
    }

    public func catchphrases(in states: Set<CatchphraseState>) throws -> [Catchphrase] {
        let rows = try rows(
            "id, product_id, topic, hook, line, evidence, state", of: "catchphrases", states: states.map(\.rawValue),
            order: "product_id, id")
        return try rows.map { row in
            Catchphrase(
                id: row[0], productID: row[1], topic: row[2], hook: row[3], line: row[4],
                evidence: try Self.decoded(CatchphraseEvidence.self, from: row[5]),
                state: CatchphraseState(rawValue: row[6]) ?? .suggested)
        }
    }

    public func updateCatchphrase(
        _ id: Int64, state: CatchphraseState, line: String?, by account: String,
        now: Date
    ) throws(PipelineError) -> Bool {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE catchphrases SET state = ?, line = coalesce(?, line), changed_by = ?, changed = ? WHERE
                    id = ?
                    """, arguments: [state.rawValue, line, account, now, id])
            return db.changesCount > 0
        }
    }
}
