/// What a signed-in person may do on the dashboard. Roles are ordered: each one may do everything the
/// one below it may.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    /// Reads every page.
    case viewer
    /// Also posts inquiries and answers, curates catchphrases, acknowledges and resolves alerts.
    case analyst
    /// Also approves or rejects the board's inquiries.
    case admin

    /// What an action needs.
    public enum Permission: Sendable {
        /// Reading pages and exports.
        case read
        /// Posting inquiries and answers; approving, editing or rejecting catchphrases; handling alerts.
        case contribute
        /// The board's approve/reject queue.
        case moderate
    }

    /// Whether this role may do what `permission` guards.
    public func allows(_ permission: Permission) -> Bool {
        switch permission {
        case .read: true
        case .contribute: self >= .analyst
        case .moderate: self == .admin
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
