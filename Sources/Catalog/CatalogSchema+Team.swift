/// The dashboard team's tables: accounts, the Q&A board, catchphrases and review alerts. Appended after the
/// pipeline's own migrations; never edit a registered one: append another.
extension CatalogSchema {
    static let teamMigrations: [CatalogMigration] = [
        CatalogMigration(name: "team v1: accounts, board, catchphrases, review alerts") { sql in
            [
                """
                CREATE TABLE accounts (
                    name TEXT PRIMARY KEY NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
                    password_hash TEXT NOT NULL, created \(sql.datetime) NOT NULL)
                """,
                """
                CREATE TABLE inquiries (
                    \(sql.serialKey), title TEXT NOT NULL, body TEXT NOT NULL, broadcast_id TEXT, product_id TEXT,
                    author TEXT NOT NULL, created \(sql.datetime) NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'approved', 'rejected')))
                """,
                "CREATE INDEX inquiries_by_status ON inquiries(status, id)",
                """
                CREATE TABLE answers (
                    \(sql.serialKey), inquiry_id \(sql.integer) NOT NULL REFERENCES inquiries(id) ON DELETE CASCADE,
                    body TEXT NOT NULL, author TEXT NOT NULL, created \(sql.datetime) NOT NULL)
                """,
                "CREATE INDEX answers_by_inquiry ON answers(inquiry_id, id)",
                // evidence: CatchphraseEvidence as JSON.
                """
                CREATE TABLE catchphrases (
                    \(sql.serialKey), product_id TEXT NOT NULL, topic TEXT NOT NULL, hook TEXT NOT NULL,
                    line TEXT NOT NULL, evidence TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('suggested', 'approved', 'rejected')), changed_by TEXT,
                    created \(sql.datetime) NOT NULL, changed \(sql.datetime))
                """,
                // position: the alert's place among the source's alerts; alert: Reviews.ReviewAlert as JSON.
                """
                CREATE TABLE review_alerts (
                    \(sql.serialKey), broadcast_id TEXT, source TEXT NOT NULL, position \(sql.integer) NOT NULL,
                    product_id TEXT NOT NULL, topic TEXT NOT NULL, alert TEXT NOT NULL,
                    raised \(sql.datetime) NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')), changed_by TEXT,
                    changed \(sql.datetime), UNIQUE (source, position, product_id, topic))
                """,
            ]
        }
    ]
    /// The dashboard's sign-in sessions, shared by every `serve` process over the catalog; appended after every
    /// earlier migration (`CatalogSchema.migrations`). id_hash: the SHA-256 of the session id (never the id).
    static let sessionMigrations: [CatalogMigration] = [
        CatalogMigration(name: "team v2: dashboard sessions") { sql in
            [
                """
                CREATE TABLE dashboard_sessions (
                    id_hash TEXT PRIMARY KEY NOT NULL, csrf_token TEXT NOT NULL, account TEXT, role TEXT,
                    credential TEXT, last_seen \(sql.datetime) NOT NULL)
                """,
                "CREATE INDEX dashboard_sessions_by_last_seen ON dashboard_sessions(last_seen)",
            ]
        }
    ]
}
