/// What happened to one token when the reference is turned into the hypothesis.
public enum EditOperation: String, Codable, Sendable, CaseIterable {
    /// The token matches ("C", a hit).
    case correct = "C"
    /// A reference token was replaced by a different hypothesis token ("S").
    case substitution = "S"
    /// A reference token is missing from the hypothesis ("D").
    case deletion = "D"
    /// A hypothesis token has no counterpart in the reference ("I").
    case insertion = "I"
}

/// One step of an alignment, by token position.
public struct EditStep: Equatable, Hashable, Sendable {
    /// The operation.
    public var operation: EditOperation
    /// Index into the reference tokens; `nil` for an insertion.
    public var referenceIndex: Int?
    /// Index into the hypothesis tokens; `nil` for a deletion.
    public var hypothesisIndex: Int?

    /// Creates a step.
    public init(_ operation: EditOperation, reference: Int?, hypothesis: Int?) {
        self.operation = operation
        self.referenceIndex = reference
        self.hypothesisIndex = hypothesis
    }
}
