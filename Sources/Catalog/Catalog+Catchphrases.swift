import Catchphrases
import Checkpoints
import Foundation

/// Suggested, approved and rejected sales lines (`catchphrases`); the evidence is kept as JSON.
extension Catalog: CatchphraseStore {
    public func replaceSuggestions(_ lines: [Catchphrase], product: String, now: Date) throws {
        let rows = try lines.map { ($0, try Self.json($0.evidence)) }
        try write { db in
            try db.execute("DELETE FROM catchphrases WHERE product_id = ? AND state = 'suggested'", [product])
            for (line, evidence) in rows {
                try db.execute(
                    """
                    INSERT INTO catchphrases (product_id, topic, hook, line, evidence, state, created)
                    VALUES (?, ?, ?, ?, ?, 'suggested', ?)
                    """, [product, line.topic, line.hook, line.line, evidence, now])
            }
        }
    }

    public func catchphrases(in states: Set<CatchphraseState>) throws -> [Catchphrase] {
        let rows = try rows(
            "id, product_id, topic, hook, line, evidence, state", of: "catchphrases", states: states.map(\.rawValue),
            order: "product_id, id")
        return try rows.map { row in
            Catchphrase(
                id: try row[0], productID: try row[1], topic: try row[2], hook: try row[3], line: try row[4],
                evidence: try Self.decoded(CatchphraseEvidence.self, from: try row[5]),
                state: CatchphraseState(rawValue: try row[6]) ?? .suggested)
        }
    }

    public func updateCatchphrase(
        _ id: Int64, state: CatchphraseState, line: String?, by account: String,
        now: Date
    ) throws(PipelineError) -> Bool {
        try write { db in
            try db.execute(
                "UPDATE catchphrases SET state = ?, line = coalesce(?, line), changed_by = ?, changed = ? WHERE id = ?",
                [state.rawValue, line, account, now, id]) > 0
        }
    }
}
