import Board
import Checkpoints
import Foundation

/// The Q&A board (`inquiries`, `answers`).
extension Catalog: BoardStore {
    public func inquiries(_ query: BoardQuery) throws(PipelineError) -> BoardPageResult {
        try read { db in
            var conditions: [String] = []
            var arguments: [any SQLValueConvertible] = []
            for word in query.search.split(whereSeparator: \.isWhitespace) {
                let found = [
                    db.dialect.contains("lower(title)", "lower(?)"), db.dialect.contains("lower(body)", "lower(?)"),
                ]
                conditions.append("(" + found.joined(separator: " OR ") + ")")
                arguments += [String(word), String(word)]
            }
            if let status = query.status {
                conditions.append("status = ?")
                arguments.append(status.rawValue)
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let total: Int = try db.query("SELECT count(*) FROM inquiries" + filter, arguments)[0][0]
            let rows = try db.query(
                "SELECT \(Self.inquiryColumns) FROM inquiries\(filter) ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments + [query.pageSize, (query.page - 1) * query.pageSize])
            return BoardPageResult(inquiries: try rows.map(Self.inquiry), total: total, pageSize: query.pageSize)
        }
    }

    public func inquiry(id: Int64) throws(PipelineError) -> Inquiry? {
        try read { db in
            guard let row = try db.query("SELECT \(Self.inquiryColumns) FROM inquiries WHERE id = ?", [id]).first else {
                return nil
            }
            var inquiry = try Self.inquiry(row)
            inquiry.answers = try db.query(
                "SELECT id, body, author, created FROM answers WHERE inquiry_id = ? ORDER BY id", [id]
            ).map { Answer(id: try $0[0], body: try $0[1], author: try $0[2], created: try $0[3]) }
            return inquiry
        }
    }

    public func addInquiry(_ inquiry: NewInquiry, now: Date) throws(PipelineError) -> Int64 {
        try write { db in
            try db.query(
                """
                INSERT INTO inquiries (title, body, broadcast_id, product_id, author, created, status)
                VALUES (?, ?, ?, ?, ?, ?, 'open') RETURNING id
                """, [inquiry.title, inquiry.body, inquiry.broadcastID, inquiry.productID, inquiry.author, now])[0][0]
        }
    }

    public func addAnswer(to inquiry: Int64, body: String, author: String, now: Date) throws(PipelineError) -> Bool {
        try write { db in
            guard try db.exists("SELECT 1 FROM inquiries WHERE id = ?", [inquiry]) else { return false }
            try db.execute(
                "INSERT INTO answers (inquiry_id, body, author, created) VALUES (?, ?, ?, ?)",
                [inquiry, body, author, now])
            try db.execute("UPDATE inquiries SET status = 'answered' WHERE id = ? AND status = 'open'", [inquiry])
            return true
        }
    }

    public func setStatus(_ status: InquiryStatus, of inquiry: Int64) throws(PipelineError) -> Bool {
        try write { db in
            try db.execute("UPDATE inquiries SET status = ? WHERE id = ?", [status.rawValue, inquiry]) > 0
        }
    }

    private static let inquiryColumns = "id, title, body, broadcast_id, product_id, author, created, status"

    private static func inquiry(_ row: SQLRow) throws -> Inquiry {
        Inquiry(
            id: try row[0], title: try row[1], body: try row[2], broadcastID: try row[3], productID: try row[4],
            author: try row[5], created: try row[6], status: InquiryStatus(rawValue: try row[7]) ?? .open)
    }
}
