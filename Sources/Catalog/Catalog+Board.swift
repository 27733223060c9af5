import Board
import Checkpoints
import Foundation
import GRDB

/// The Q&A board (`inquiries`, `answers`).
extension Catalog: BoardStore {
    public func inquiries(_ query: BoardQuery) throws(PipelineError) -> BoardPageResult {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for word in query.search.split(whereSeparator: \.isWhitespace) {
            conditions.append("(instr(lower(title), lower(?)) > 0 OR instr(lower(body), lower(?)) > 0)")
            arguments += [String(word), String(word)]
        }
        if let status = query.status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM inquiries" + filter, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(Self.inquiryColumns) FROM inquiries\(filter) ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [query.pageSize, (query.page - 1) * query.pageSize])
            return BoardPageResult(inquiries: rows.map(Self.inquiry), total: total, pageSize: query.pageSize)
        }
    }

    public func inquiry(id: Int64) throws(PipelineError) -> Inquiry? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(Self.inquiryColumns) FROM inquiries WHERE id = ?", arguments: [id])
            else {
                return nil
            }
            var inquiry = Self.inquiry(row)
            inquiry.answers = try Row.fetchAll(
                db, sql: "SELECT id, body, author, created FROM answers WHERE inquiry_id = ? ORDER BY id",
                arguments: [id]
            ).map { Answer(id: $0[0], body: $0[1], author: $0[2], created: $0[3]) }
            return inquiry
        }
    }

    public func addInquiry(_ inquiry: NewInquiry, now: Date) throws(PipelineError) -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO inquiries (title, body, broadcast_id, product_id, author, created, status)
                    VALUES (?, ?, ?, ?, ?, ?, 'open')
                    """,
                arguments: [inquiry.title, inquiry.body, inquiry.broadcastID, inquiry.productID, inquiry.author, now])
            return db.lastInsertedRowID
        }
    }

    public func addAnswer(to inquiry: Int64, body: String, author: String, now: Date) throws(PipelineError) -> Bool {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM inquiries WHERE id = ?", arguments: [inquiry]) != nil else {
                return false
            }
            try db.execute(
                sql: "INSERT INTO answers (inquiry_id, body, author, created) VALUES (?, ?, ?, ?)",
                arguments: [inquiry, body, author, now])
            try db.execute(
                sql: "UPDATE inquiries SET status = 'answered' WHERE id = ? AND status = 'open'", arguments: [inquiry])
            return true
        }
    }

    public func setStatus(_ status: InquiryStatus, of inquiry: Int64) throws(PipelineError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE inquiries SET status = ? WHERE id = ?", arguments: [status.rawValue, inquiry])
            return db.changesCount > 0
        }
    }

    private static let inquiryColumns = "id, title, body, broadcast_id, product_id, author, created, status"

    private static func inquiry(_ row: Row) -> Inquiry {
        Inquiry(
            id: row[0], title: row[1], body: row[2], broadcastID: row[3], productID: row[4], author: row[5],
            created: row[6],
            status: InquiryStatus(rawValue: row[7]) ?? .open)
    }
}
