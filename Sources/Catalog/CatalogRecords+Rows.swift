/// The records read from their tables' rows. Each names its columns once, for its SELECTs and its INSERT.
protocol CatalogRow {
    /// The table.
    static var table: String { get }
    /// The columns read, in the order `init(row:)` reads them.
    static var columns: [String] { get }
    init(row: SQLRow) throws
}

extension CatalogRow {
    /// `SELECT` of the columns from the table, followed by `rest` (conditions, order).
    static func select(_ rest: String = "") -> String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(table)" + (rest.isEmpty ? "" : " " + rest)
    }

    /// Every row, or only those of broadcast `broadcast`, in `order` (SQL).
    static func all(in db: any SQLSession, broadcast: String?, order: String) throws -> [Self] {
        let rows =
            if let broadcast {
                try db.query(select("WHERE broadcast_id = ? ORDER BY \(order)"), [broadcast])
            } else {
                try db.query(select("ORDER BY \(order)"))
            }
        return try rows.map(Self.init)
    }

    /// `INSERT` of every column with one `?` each, replacing the row with the same first column (the key).
    static func upsert() -> String {
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks)) "
            + "ON CONFLICT (\(columns[0])) DO UPDATE SET \(updates)"
    }
}

extension BroadcastRecord: CatalogRow {
    static let table = "broadcasts"
    static let columns = ["id", "name", "source_path", "bytes", "duration", "created"]
    init(row: SQLRow) throws {
        self.init(
            id: try row[0], name: try row[1], sourcePath: try row[2], bytes: try row[3], duration: try row[4],
            created: try row[5])
    }
}

extension JobRecord: CatalogRow {
    static let table = "jobs"
    static let columns = [
        "id", "broadcast_id", "file", "origin", "status", "outcome", "claimed_host", "claimed_pid", "heartbeat",
        "error",
        "created", "started", "finished", "attempts",
    ]
    init(row: SQLRow) throws {
        self.init(
            id: try row[0], broadcastId: try row[1], file: try row[2], origin: try row[3], status: try row[4],
            outcome: try row[5], claimedHost: try row[6], claimedPid: try row[7], heartbeat: try row[8],
            error: try row[9], created: try row[10], started: try row[11], finished: try row[12], attempts: try row[13])
    }
}

extension StageRunRecord: CatalogRow {
    static let table = "stage_runs"
    static let columns = [
        "id", "broadcast_id", "job_id", "stage", "key", "status", "started", "finished", "seconds", "error",
    ]
    init(row: SQLRow) throws {
        self.init(
            id: try row[0], broadcastId: try row[1], jobId: try row[2], stage: try row[3], key: try row[4],
            status: try row[5], started: try row[6], finished: try row[7], seconds: try row[8], error: try row[9])
    }
}

extension KeywordListRecord: CatalogRow {
    static let table = "keyword_lists"
    static let columns = ["id", "sha256", "name", "path", "content", "added"]
    init(row: SQLRow) throws {
        self.init(
            id: try row[0], sha256: try row[1], name: try row[2], path: try row[3], content: try row[4],
            added: try row[5])
    }
}

extension ValidationResultRecord: CatalogRow {
    static let table = "validation_results"
    static let columns = [
        "broadcast_id", "key", "cer", "wer", "sentence_error_rate", "items", "characters", "characters_substitutions",
        "characters_deletions", "characters_insertions", "words", "words_substitutions", "words_deletions",
        "words_insertions", "validated",
    ]
    init(row: SQLRow) throws {
        self.init(
            broadcastId: try row[0], key: try row[1], cer: try row[2], wer: try row[3], sentenceErrorRate: try row[4],
            items: try row[5], characters: try row[6], charactersSubstitutions: try row[7],
            charactersDeletions: try row[8], charactersInsertions: try row[9], words: try row[10],
            wordsSubstitutions: try row[11], wordsDeletions: try row[12], wordsInsertions: try row[13],
            validated: try row[14])
    }

    /// The values in `columns` order.
    var values: [any SQLValueConvertible] {
        [
            broadcastId, key, cer, wer, sentenceErrorRate, items, characters, charactersSubstitutions,
            charactersDeletions, charactersInsertions, words, wordsSubstitutions, wordsDeletions, wordsInsertions,
            validated,
        ]
    }
}

extension BroadcastSummaryRecord: CatalogRow {
    static let table = "broadcast_summaries"
    static let columns = ["broadcast_id", "key", "title", "start", "duration", "mentions", "figures", "recorded"]
    init(row: SQLRow) throws {
        self.init(
            broadcastId: try row[0], key: try row[1], title: try row[2], start: try row[3], duration: try row[4],
            mentions: try row[5], figures: try row[6], recorded: try row[7])
    }

    /// The values in `columns` order.
    var values: [any SQLValueConvertible] { [broadcastId, key, title, start, duration, mentions, figures, recorded] }
}
