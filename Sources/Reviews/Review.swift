/// One review as read from a file, before analysis.
public struct Review: Sendable, Equatable {
    /// The file's `review_id` (or `id`) column, if it has one.
    public var reviewID: String?
    /// The product the review is about.
    public var productID: String
    /// Stars as given, within the reader's rating scale; nil when missing or out of range (a warning says which).
    public var rating: Double?
    /// The review text, as written (normalise with `ReviewText.normalize`).
    public var text: String
    /// The date column as written, if any.
    public var date: String?
    /// Line of the file where the review starts (1 = the header).
    public var line: Int

    /// A review from its fields.
    public init(
        reviewID: String? = nil, productID: String, rating: Double?, text: String, date: String? = nil, line: Int = 0
    ) {
        (self.reviewID, self.productID, self.rating, self.text, self.date, self.line) = (
            reviewID, productID, rating, text, date, line
        )
    }
}

/// A problem with one row that does not stop the rest: the row was skipped or a field ignored.
public struct ReviewWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The line where the row starts.
    public let line: Int
    /// What is wrong and what was done about it.
    public let message: String

    public var description: String { "\(path) line \(line): \(message)" }
}
