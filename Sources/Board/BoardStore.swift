import Foundation

/// Which inquiries a board page lists: a search, a status, a page.
public struct BoardQuery: Sendable, Equatable {
    /// Words every listed inquiry's title or body contains (case-insensitive; empty: all).
    public var search: String
    /// Only this status (nil: all).
    public var status: InquiryStatus?
    /// 1-based page number.
    public var page: Int
    /// Inquiries per page (default 20).
    public var pageSize: Int

    /// A query; defaults list the first page of everything.
    public init(search: String = "", status: InquiryStatus? = nil, page: Int = 1, pageSize: Int = 20) {
        (self.search, self.status, self.page, self.pageSize) = (search, status, max(1, page), max(1, pageSize))
    }
}

/// One page of inquiries, newest first, and how many match in all.
public struct BoardPageResult: Sendable, Equatable {
    /// This page's inquiries (answers not loaded).
    public var inquiries: [Inquiry]
    /// Inquiries matching the query on every page.
    public var total: Int
    /// Pages in all (at least 1).
    public var pages: Int

    /// A page of results.
    public init(inquiries: [Inquiry], total: Int, pageSize: Int) {
        (self.inquiries, self.total) = (inquiries, total)
        pages = max(1, (total + pageSize - 1) / pageSize)
    }
}

/// A new inquiry as posted, checked before it is stored.
public struct NewInquiry: Sendable, Equatable {
    public var title: String, body: String, broadcastID: String?, productID: String?, author: String

    /// Trims the fields; throws ``BoardError`` when a required one is empty or one is too long.
    public init(
        title: String, body: String, broadcastID: String?, productID: String?, author: String
    ) throws(BoardError) {
        self.title = try BoardError.checked(title, field: "title", limit: 200)
        self.body = try BoardError.checked(body, field: "body", limit: 5000)
        let optional = { (value: String?) in
            value.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.broadcastID = optional(broadcastID)
        self.productID = optional(productID)
        self.author = author
    }
}

/// Where the board is kept (the workspace catalog implements it).
public protocol BoardStore: Sendable {
    /// The inquiries `query` selects.
    func inquiries(_ query: BoardQuery) throws -> BoardPageResult
    /// One inquiry with its answers; nil when unknown.
    func inquiry(id: Int64) throws -> Inquiry?
    /// Stores `inquiry` (status open) and returns its id.
    func addInquiry(_ inquiry: NewInquiry, now: Date) throws -> Int64
    /// Adds an answer (an open inquiry becomes answered); false when the inquiry is unknown.
    func addAnswer(to inquiry: Int64, body: String, author: String, now: Date) throws -> Bool
    /// Sets the status (the admin queue's approve/reject); false when the inquiry is unknown.
    func setStatus(_ status: InquiryStatus, of inquiry: Int64) throws -> Bool
}

/// Why a board post was refused.
public enum BoardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required field is empty.
    case empty(field: String)
    /// A field is longer than its limit.
    case tooLong(field: String, limit: Int)

    public var description: String {
        switch self {
        case .empty(let field): "the \(field) is empty"
        case .tooLong(let field, let limit): "the \(field) is longer than \(limit) characters"
        }
    }

    /// `text` trimmed; throws when it is empty or longer than `limit` characters.
    public static func checked(_ text: String, field: String, limit: Int) throws(BoardError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty(field: field) }
        guard trimmed.count <= limit else { throw .tooLong(field: field, limit: limit) }
        return trimmed
    }
}
