import Checkpoints

/// The stages of the pipeline in the order they run, checked once: names unique, every stage input
/// produced by an earlier stage.
public struct StageGraph: Sendable {
    /// Every stage, in registration order. Adding a stage = adding its type here.
    public static let standardStages: [any Stage] = [
        DecodeStage(),
        AcousticStage(),
        TranscriptStage(),
        ValidationStage(),
        MentionsStage(),
        AlignmentStage(),
        ReviewsStage(),
    ]

    /// The stages, dependencies first.
    public let stages: [any Stage]

    /// Checks `stages` and keeps their order.
    public init(_ stages: [any Stage]) throws(PipelineError) {
        var seen: Set<String> = []
        var outputs: [String: String] = [:]
        for stage in stages {
            guard seen.insert(stage.name).inserted else { throw .invalidGraph("two stages are named '\(stage.name)'") }
            for dependency in stage.dependencies where !seen.contains(dependency) || dependency == stage.name {
                throw .invalidGraph("stage '\(stage.name)' reads '\(dependency)', which is not an earlier stage")
            }
            for file in stage.outputs {
                if let owner = outputs.updateValue(stage.name, forKey: file) {
                    throw .invalidGraph("stages '\(owner)' and '\(stage.name)' both write \(file)")
                }
            }
        }
        self.stages = stages
    }

    /// `names` and every stage that reads one of them, directly or through others; `.invalidGraph` for a
    /// name that is not a stage.
    public func downstream(of names: Set<String>) throws(PipelineError) -> Set<String> {
        for name in names where !stages.contains(where: { $0.name == name }) {
            throw .invalidGraph("there is no stage named '\(name)'")
        }
        var found = names
        for stage in stages where stage.dependencies.contains(where: found.contains) { found.insert(stage.name) }
        return found
    }

    /// Every stage that `names` read, directly or through others (not `names` themselves unless one reads another).
    func upstream(of names: Set<String>) -> Set<String> {
        var found: Set<String> = []
        for stage in stages.reversed() where names.contains(stage.name) || found.contains(stage.name) {
            found.formUnion(stage.dependencies)
        }
        return found
    }

    /// The standard graph.
    public static func standard() throws(PipelineError) -> StageGraph { try StageGraph(standardStages) }
}
