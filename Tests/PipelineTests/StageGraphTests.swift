import Testing

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// The stage graph's checks.
struct StageGraphTests {
    /// A stage for graph tests; it does nothing.
    private struct Probe: Stage {
        let name: String
        let version = "1"
        var inputs: [StageInput] = []
        var outputs: [String] = []
        func run(_ context: StageContext) throws {}
    }

    /// The standard graph is valid and in dependency order.
    @Test func standardGraph() throws {
        #expect(
            try StageGraph.standard().stages.map(\.name)
                == ["decode", "acoustic", "transcript", "validation", "mentions", "alignment", "reviews"])
    }

    /// Duplicate names, later or unknown dependencies and shared outputs are refused.
    @Test func inconsistentGraphsAreRefused() {
        let broken: [[any Stage]] = [
            [Probe(name: "a"), Probe(name: "a")],
            [Probe(name: "a", inputs: [.stage("b")]), Probe(name: "b")],
            [Probe(name: "a", inputs: [.stage("a")])],
            [Probe(name: "a", outputs: ["x.json"]), Probe(name: "b", outputs: ["x.json"])],
        ]
        for stages in broken {
            #expect(throws: PipelineError.self) { try StageGraph(stages) }
        }
    }
}
