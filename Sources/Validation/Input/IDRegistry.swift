/// Remembers where each id was first seen, so a duplicate is reported with both places.
struct IDRegistry {
    /// First location of each id.
    private var locations: [String: SourceLocation] = [:]

    /// Whether no id has been registered.
    var isEmpty: Bool { locations.isEmpty }

    /// Records `id` at `location`; throws when it was already recorded.
    mutating func register(_ id: String, at location: SourceLocation) throws(TranscriptError) {
        if let first = locations[id] {
            throw .duplicateID(id: id, path: location.path, line: location.line, firstSeen: first.description)
        }
        locations[id] = location
    }
}
