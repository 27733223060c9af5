import Foundation
import Insight

/// Which rows of a dashboard's "Keywords × events" table the server shows: one page of the mentions that match a
/// search, in a chosen order, read from the page's query string (`?page=2&sort=-purchases&q=할인`). So the table
/// pages, sorts and searches without JavaScript, and a 2-hour show's page carries one page of rows, not hundreds.
public struct MentionQuery: Sendable, Equatable {
    /// What the table sorts by.
    public enum Column: String, CaseIterable, Sendable {
        case time, keyword, topic, confidence, purchases, expected, excess, credited
    }

    /// Rows per page the server shows by default.
    public static let pageSize = 25

    /// The page, from 1 (one past the last shows the last).
    public var page: Int
    /// The order, and whether it runs from the largest value.
    public var sort: Column
    public var descending: Bool
    /// Text a row's keyword, topic or ment must contain (case-insensitive); empty: every row.
    public var search: String
    /// Rows per page (`Int.max`: every row on one page, as the page was before it was paged).
    public var rowsPerPage: Int

    /// A query; by default the first page of every mention in time order.
    public init(
        page: Int = 1, sort: Column = .time, descending: Bool = false, search: String = "",
        rowsPerPage: Int = MentionQuery.pageSize
    ) {
        (self.page, self.sort, self.descending, self.search) = (max(page, 1), sort, descending, search)
        self.rowsPerPage = max(rowsPerPage, 1)
    }

    /// The query in a URL's query string (form-encoded): `page`, `sort` (a column, `-` first for descending) and
    /// `q`. Missing or unknown values keep the defaults.
    public init(query: String?) {
        var fields: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(Self.formDecoded)
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let order = fields["sort"] ?? ""
        self.init(
            page: fields["page"].flatMap { Int($0) } ?? 1,
            sort: Column(rawValue: order.hasPrefix("-") ? String(order.dropFirst()) : order) ?? .time,
            descending: order.hasPrefix("-"), search: fields["q"]?.trimmingCharacters(in: .whitespaces) ?? "")
    }

    /// The query string of this query with `changes` applied, defaults left out ("?page=2&sort=-time", or "?").
    func link(_ changes: (inout MentionQuery) -> Void = { _ in }) -> String {
        var query = self
        changes(&query)
        var fields: [String] = []
        if query.page > 1 { fields.append("page=\(query.page)") }
        if query.sort != .time || query.descending { fields.append("sort=" + query.sortField) }
        if !query.search.isEmpty {
            fields.append("q=" + (query.search.addingPercentEncoding(withAllowedCharacters: Self.plain) ?? ""))
        }
        return "?" + fields.joined(separator: "&")
    }

    /// The `sort` field's value: the column, `-` first when descending.
    var sortField: String { (descending ? "-" : "") + sort.rawValue }

    /// The mentions that match the search, in the query's order (ties in time order).
    func matching(_ ments: [MentWindow]) -> [MentWindow] {
        let needle = search.lowercased()
        let found =
            needle.isEmpty
            ? ments
            : ments.filter { ment in
                [ment.mention.keyword, ment.mention.topic, ment.mention.ment].contains {
                    $0.lowercased().contains(needle)
                }
            }
        return found.enumerated().sorted { a, b in
            let order = Self.compare(a.element, b.element, by: sort)
            return order == .orderedSame ? a.offset < b.offset : (order == .orderedAscending) != descending
        }.map(\.element)
    }

    /// The page of `rows` this query shows (the last when `page` is past it), the page's number and the page count.
    func pageOf<Row>(_ rows: [Row]) -> (rows: ArraySlice<Row>, page: Int, pages: Int) {
        let pages = max(1, rows.count / rowsPerPage + (rows.count % rowsPerPage == 0 ? 0 : 1)), page = min(page, pages)
        let start = (page - 1) * rowsPerPage
        return (rows[start..<start + min(rowsPerPage, rows.count - start)], page, pages)
    }

    /// How `a` and `b` compare in `column`; a window after the end (no expected purchases) sorts below every figure.
    private static func compare(_ a: MentWindow, _ b: MentWindow, by column: Column) -> ComparisonResult {
        func order<T: Comparable>(_ x: T, _ y: T) -> ComparisonResult {
            x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame
        }
        let none = -Double.infinity
        switch column {
        case .time: return order(a.mention.time, b.mention.time)
        case .keyword: return order(a.mention.keyword, b.mention.keyword)
        case .topic: return order(a.mention.topic, b.mention.topic)
        case .confidence: return order(a.mention.confidence, b.mention.confidence)
        case .purchases: return order(a.counts.purchases, b.counts.purchases)
        case .expected: return order(a.expectedPurchases ?? none, b.expectedPurchases ?? none)
        case .excess: return order(a.excessPurchases ?? none, b.excessPurchases ?? none)
        case .credited: return order(a.creditedRevenue, b.creditedRevenue)
        }
    }

    /// A form-encoded field: `+` is a space, then percent escapes.
    private static func formDecoded(_ field: Substring) -> String {
        let spaced = field.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Characters a query value keeps as they are.
    private static let plain = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        .union(CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-._~"))
}
