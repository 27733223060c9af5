/// One column of an aligned error view: the operation and the tokens on each side.
public struct AlignedToken: Codable, Equatable, Hashable, Sendable {
    /// The operation (C, S, D or I).
    public var op: EditOperation
    /// The reference token; `nil` for an insertion.
    public var ref: String?
    /// The hypothesis token; `nil` for a deletion.
    public var hyp: String?

    /// Creates a column.
    public init(op: EditOperation, ref: String?, hyp: String?) {
        self.op = op
        self.ref = ref
        self.hyp = hyp
    }

    /// The columns of an alignment between two token lists, with `text` giving each token's text.
    static func columns<Token>(
        _ steps: [EditStep], reference: [Token], hypothesis: [Token], text: (Token) -> String
    ) -> [AlignedToken] {
        steps.map { step in
            AlignedToken(
                op: step.operation,
                ref: step.referenceIndex.map { text(reference[$0]) },
                hyp: step.hypothesisIndex.map { text(hypothesis[$0]) })
        }
    }
}
