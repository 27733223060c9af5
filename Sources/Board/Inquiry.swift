import Foundation

/// Where an inquiry stands. New inquiries are open; the first answer makes them answered; an admin then
/// approves (the answer stands and is shown as the board's answer) or rejects (off topic, spam, wrong).
public enum InquiryStatus: String, Sendable, CaseIterable, Codable {
    case open, answered, approved, rejected
}

/// A question to the team about a broadcast or product, with its answers.
public struct Inquiry: Sendable, Equatable {
    /// The catalog's row id.
    public var id: Int64
    /// One-line summary (1–200 characters).
    public var title: String
    /// The question (1–5,000 characters).
    public var body: String
    /// The broadcast it is about, if any.
    public var broadcastID: String?
    /// The product it is about, if any.
    public var productID: String?
    /// The account that asked.
    public var author: String
    /// When it was asked.
    public var created: Date
    /// Where it stands.
    public var status: InquiryStatus
    /// Answers, oldest first.
    public var answers: [Answer]

    /// An inquiry from its fields.
    public init(
        id: Int64, title: String, body: String, broadcastID: String?, productID: String?, author: String,
        created: Date, status: InquiryStatus, answers: [Answer] = []
    ) {
        (self.id, self.title, self.body, self.broadcastID, self.productID) = (id, title, body, broadcastID, productID)
        (self.author, self.created, self.status, self.answers) = (author, created, status, answers)
    }
}

/// One answer to an inquiry.
public struct Answer: Sendable, Equatable {
    /// The catalog's row id.
    public var id: Int64
    /// The answer (1–5,000 characters).
    public var body: String
    /// The account that answered.
    public var author: String
    /// When.
    public var created: Date

    /// An answer from its fields.
    public init(id: Int64, body: String, author: String, created: Date) {
        (self.id, self.body, self.author, self.created) = (id, body, author, created)
    }
}
