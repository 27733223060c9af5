/// Which alignment an error view shows, and for which items.
public struct AlignmentView: Equatable, Sendable {
    /// The tokens shown.
    public enum Unit: String, Sendable, CaseIterable {
        /// Eojeol (the WER alignment).
        case words
        /// Characters (the CER alignment).
        case characters
    }

    /// Which items get an aligned view.
    public enum Selection: String, Sendable, CaseIterable {
        /// None: tables only.
        case none
        /// Items with at least one error (default).
        case errors
        /// Every item.
        case all
    }

    /// The tokens shown (default words).
    public var unit: Unit
    /// Which items are shown (default items with errors).
    public var selection: Selection

    /// Creates a view choice.
    public init(unit: Unit = .words, selection: Selection = .errors) {
        self.unit = unit
        self.selection = selection
    }

    /// The columns to show for `item`, or `nil` when the item is not selected or has no alignment.
    func columns(of item: ItemReport) -> [AlignedToken]? {
        switch selection {
        case .none: return nil
        case .errors: guard item.characters.errors + item.words.errors > 0 else { return nil }
        case .all: break
        }
        return unit == .words ? item.wordAlignment : item.characterAlignment
    }
}
